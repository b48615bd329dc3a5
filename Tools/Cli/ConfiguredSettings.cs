namespace Insights.Tools.Cli;

using System.ComponentModel;
using Insights.Lake.Hosting;
using Microsoft.Extensions.Configuration;
using Spectre.Console;
using Spectre.Console.Cli;

/// <summary>
/// Settings of the commands configured like the hosts: configuration from environment variables
/// (<c>Insights__Lake__Path=...</c>), overridden by <c>--set Key=Value</c> and by the shortcuts below.
/// </summary>
public abstract class ConfiguredSettings : CommandSettings
{
    [CommandOption("--lake-path <PATH>")]
    [Description("The local lake folder (Insights:Lake:Path; default data/lake)")]
    public string? LakePath { get; set; }

    [CommandOption("--set <KEY=VALUE>")]
    [Description("Any configuration key, e.g. --set Insights:Lake:Provider=AzureBlob; repeat for more")]
    public string[] Set { get; set; } = [];

    public override ValidationResult Validate() =>
        Set.FirstOrDefault(pair => pair.IndexOf('=', StringComparison.Ordinal) <= 0) is { } bad
            ? ValidationResult.Error($"--set: '{bad}' is not Key=Value.")
            : ValidationResult.Success();

    /// <summary><paramref name="baseConfiguration"/> with this command line's settings on top.</summary>
    public IConfiguration Configuration(IConfiguration baseConfiguration)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in Set)
        {
            var split = pair.Split('=', 2);
            settings[split[0]] = split[1];
        }

        if (LakePath is not null)
        {
            settings[LakeOptions.SectionName + ":Path"] = LakePath;
        }

        AddShortcuts(settings);
        return new ConfigurationBuilder().AddConfiguration(baseConfiguration).AddInMemoryCollection(settings).Build();
    }

    /// <summary>Options that stand for a configuration key (<c>--duckdb-path</c>).</summary>
    protected virtual void AddShortcuts(IDictionary<string, string?> settings)
    {
    }
}
