namespace Insights.Silo.Storage;

using Microsoft.Extensions.Options;

/// <summary>Builds the named provider from its named options, as Orleans' <c>AzureBlobGrainStorageFactory</c> does.</summary>
public static class FileGrainStorageFactory
{
    public static FileGrainStorage Create(IServiceProvider services, string name) =>
        new(services.GetRequiredService<IOptionsMonitor<FileGrainStorageOptions>>().Get(name));
}
