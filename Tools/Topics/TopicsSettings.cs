namespace Insights.Tools.Topics;

using System.ComponentModel;
using System.Globalization;
using Insights.Tools.Cli;
using Spectre.Console;
using Spectre.Console.Cli;

/// <summary>The options of <c>insights topics</c>.</summary>
public sealed class TopicsSettings : ConfiguredSettings
{
    [CommandOption("--date <YYYY-MM-DD>")]
    [Description("The UTC day whose topics to print: the comments ingested that day (default today)")]
    public string? Date { get; set; }

    [CommandOption("--build")]
    [Description("Build the day's topics first from the lake's comments with the configured model (Insights:Topics:Model), replacing the day's topic files")]
    public bool Build { get; set; }

    [CommandOption("--limit <N>")]
    [Description("Topics printed at most, most comments first")]
    [DefaultValue(10)]
    public int Limit { get; set; } = 10;

    public DateOnly Day(DateTimeOffset now) =>
        Date is null ? DateOnly.FromDateTime(now.UtcDateTime) : DateOnly.ParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public override ValidationResult Validate()
    {
        var configured = base.Validate();
        if (!configured.Successful)
        {
            return configured;
        }

        if (Date is not null && !DateOnly.TryParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return ValidationResult.Error($"--date: '{Date}' is not a date like 2026-12-04.");
        }

        return Limit < 1 ? ValidationResult.Error($"--limit: {Limit} is not a whole number of at least 1.") : ValidationResult.Success();
    }
}
