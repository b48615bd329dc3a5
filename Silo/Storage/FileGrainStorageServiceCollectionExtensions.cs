namespace Insights.Silo.Storage;

using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

/// <summary>
/// Registers <see cref="FileGrainStorage"/> the way Orleans registers its own providers (compare
/// <c>AzureBlobGrainStorageServiceCollectionExtensions</c>): named options, a start-time validator, the default
/// serializer when none is set, and the provider as a keyed <see cref="IGrainStorage"/>.
/// </summary>
public static class FileGrainStorageServiceCollectionExtensions
{
    public static IServiceCollection AddFileGrainStorage(
        this IServiceCollection services,
        string name,
        Action<OptionsBuilder<FileGrainStorageOptions>>? configureOptions = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        configureOptions?.Invoke(services.AddOptions<FileGrainStorageOptions>(name));
        services.AddTransient<IConfigurationValidator>(sp =>
            new FileGrainStorageOptionsValidator(sp.GetRequiredService<IOptionsMonitor<FileGrainStorageOptions>>().Get(name), name));
        services.AddTransient<IPostConfigureOptions<FileGrainStorageOptions>, DefaultStorageProviderSerializerOptionsConfigurator<FileGrainStorageOptions>>();
        services.ConfigureNamedOptionForLogging<FileGrainStorageOptions>(name);
        return services.AddGrainStorage(name, FileGrainStorageFactory.Create);
    }
}
