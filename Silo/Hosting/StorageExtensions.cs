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
    /// Grain state: <c>File</c> (a local folder, the embedded default, surviving restarts), <c>AzureBlob</c> (one blob
    /// per grain, ETag concurrency; stands in for Microsoft.Orleans.Persistence.AzureStorage) or <c>Memory</c> (tests).
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
            case "AzureBlob":
                var azure = new AzureBlobGrainStorageOptions
                {
                    ConnectionString = section["AzureBlob:ConnectionString"],
                    AccountUrl = section["AzureBlob:AccountUrl"],
                    Container = section["AzureBlob:Container"] ?? AzureBlobGrainStorageOptions.DefaultContainer,
                };
                var container = AzureBlobGrainStorage.ConnectContainer(azure, SectionName + ":AzureBlob"); // bad settings stop the silo here
                silo.Services.AddGrainStorage(StorageNames.Grains, (sp, _) =>
                    new AzureBlobGrainStorage(container, new OrleansGrainStorageSerializer(sp.GetRequiredService<Serializer>())));
                break;
            default:
                throw new InvalidOperationException($"{SectionName}:Provider '{provider}' is not supported (use File, Memory or AzureBlob).");
        }

        return silo;
    }
}
