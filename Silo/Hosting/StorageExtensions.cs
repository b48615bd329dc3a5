namespace Insights.Silo.Hosting;

using Insights.Grains;
using Insights.Silo.Storage;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;

public static class StorageExtensions
{
    public const string SectionName = "Insights:Storage";

    /// <summary>
    /// Grain state: <c>File</c> (a local folder, the embedded default, surviving restarts) or <c>Memory</c> (tests).
    /// </summary>
    public static ISiloBuilder AddInsightsStorage(this ISiloBuilder silo, IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var provider = section["Provider"] ?? "File";
        switch (provider)
        {
            case "File":
                var options = new FileGrainStorageOptions { RootPath = section["Path"] ?? "data/state" };
                silo.Services.AddGrainStorage(StorageNames.Grains, (sp, _) =>
                    new FileGrainStorage(options, new OrleansGrainStorageSerializer(sp.GetRequiredService<Serializer>())));
                break;
            case "Memory":
                silo.AddMemoryGrainStorage(StorageNames.Grains);
                break;
            default:
                throw new InvalidOperationException($"{SectionName}:Provider '{provider}' is not supported (use File or Memory).");
        }

        return silo;
    }
}
