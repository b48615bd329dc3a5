namespace Insights.Lake.Hosting;

using Insights.Lake.Azure;
using Insights.Lake.Local;
using Insights.Lake.Writing;
using Insights.Lake.Zones;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

public static class LakeServiceCollectionExtensions
{
    /// <summary>The lake store chosen by <c>Insights:Lake:Provider</c>, writer options and the shutdown flush.</summary>
    public static IServiceCollection AddInsightsLake(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(LakeOptions.SectionName).Get<LakeOptions>() ?? new();
        services.AddOptions<LakeWriterOptions>().Bind(configuration.GetSection(LakeWriterOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ZoneWriterFactory>();
        services.TryAddSingleton<ILakeStore>(_ => options.Provider switch
        {
            "Local" => new LocalFolderLakeStore(options.Path),
            "AzureBlob" => new AzureBlobLakeStore(
                configuration.GetSection(AzureBlobLakeStore.DefaultSection).Get<AzureBlobOptions>() ?? new(),
                AzureBlobLakeStore.DefaultSection),
            _ => throw new InvalidOperationException(
                $"{LakeOptions.SectionName}:Provider '{options.Provider}' is not supported (use Local or AzureBlob)."),
        });
        services.AddHostedService<LakeFlushService>();
        return services;
    }

    /// <summary>The writers of the ingestion side: raw and quarantine zones.</summary>
    public static IServiceCollection AddInsightsLakeIngestWriters(this IServiceCollection services)
    {
        services.TryAddSingleton<RawZoneWriter>();
        services.TryAddSingleton<QuarantineWriter>();
        services.AddSingleton<ILakeWriter>(sp => sp.GetRequiredService<RawZoneWriter>());
        services.AddSingleton<ILakeWriter>(sp => sp.GetRequiredService<QuarantineWriter>());
        return services;
    }

    /// <summary>The writers of the silo side: processed zone, dimensions and grain-stage quarantine.</summary>
    public static IServiceCollection AddInsightsLakeProcessingWriters(this IServiceCollection services)
    {
        services.TryAddSingleton<ProcessedZoneWriter>();
        services.TryAddSingleton<QuarantineWriter>();
        services.TryAddSingleton<DimensionTables>();
        services.AddSingleton<ILakeWriter>(sp => sp.GetRequiredService<ProcessedZoneWriter>());
        services.AddSingleton<ILakeWriter>(sp => sp.GetRequiredService<QuarantineWriter>());
        return services;
    }
}
