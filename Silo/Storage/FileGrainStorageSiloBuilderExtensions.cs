namespace Insights.Silo.Storage;

using Microsoft.Extensions.Options;

public static class FileGrainStorageSiloBuilderExtensions
{
    /// <summary>Grain state in a local folder under provider <paramref name="name"/>; see <see cref="FileGrainStorage"/>.</summary>
    public static ISiloBuilder AddFileGrainStorage(
        this ISiloBuilder builder,
        string name,
        Action<OptionsBuilder<FileGrainStorageOptions>>? configureOptions = null) =>
        builder.ConfigureServices(services => services.AddFileGrainStorage(name, configureOptions));
}
