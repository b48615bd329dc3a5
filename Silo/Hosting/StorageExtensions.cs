namespace Insights.Silo.Hosting;

using Insights.Grains;
using Insights.Lake.Azure;
using Insights.Silo.Storage;
using Orleans.Configuration;

public static class StorageExtensions
{
    public const string SectionName = "Insights:Storage";

    public const string AzureBlobSection = SectionName + ":AzureBlob";

    /// <summary>
    /// Grain state from <c>Insights:Storage:Provider</c>: <c>File</c> (a local folder, the embedded default, surviving
    /// restarts), <c>AzureBlob</c> (Microsoft.Orleans.Persistence.AzureStorage, one blob per grain, ETag concurrency)
    /// or <c>Memory</c> (tests). File and AzureBlob hold Orleans' binary serialization of the state.
    /// </summary>
    public static ISiloBuilder AddInsightsStorage(this ISiloBuilder silo, IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var provider = section["Provider"] ?? "File";
        return provider switch
        {
            "File" => silo.AddFileGrainStorage(StorageNames.Grains, o => o
                .Configure(f => f.RootPath = section["Path"] ?? FileGrainStorageOptions.DefaultRootPath)
                .UseOrleansBinaryGrainState()),
            "Memory" => silo.AddMemoryGrainStorage(StorageNames.Grains),
            "AzureBlob" => AddAzureBlobStorage(silo, section.GetSection("AzureBlob")),
            _ => throw new InvalidOperationException($"{SectionName}:Provider '{provider}' is not supported (use File, Memory or AzureBlob)."),
        };
    }

    /// <summary>
    /// Orleans' Azure Blob grain storage from <c>Insights:Storage:AzureBlob</c> (<c>ConnectionString</c>, or
    /// <c>AccountUrl</c> with <c>DefaultAzureCredential</c>; <c>Container</c>). The settings are checked here, before
    /// Orleans' own validator, so a mistake stops the silo naming the Insights key rather than an Orleans property.
    /// </summary>
    private static ISiloBuilder AddAzureBlobStorage(ISiloBuilder silo, IConfiguration azureBlob)
    {
        var container = BlobServiceClientFactory.ValidateContainerName(
            azureBlob["Container"] ?? AzureBlobStorageOptions.DEFAULT_CONTAINER_NAME, AzureBlobSection + ":Container");
        var client = BlobServiceClientFactory.Create(azureBlob["ConnectionString"], azureBlob["AccountUrl"], AzureBlobSection);
        return silo.AddAzureBlobGrainStorage(StorageNames.Grains, o => o
            .Configure(b =>
            {
                (b.BlobServiceClient, b.ContainerName) = (client, container);
                b.BuildContainerFactory = static (_, options) => new GrainKeyCheckingContainerFactory(options);
            })
            .UseOrleansBinaryGrainState());
    }
}
