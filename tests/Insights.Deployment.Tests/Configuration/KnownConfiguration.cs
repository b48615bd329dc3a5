namespace Insights.Deployment.Tests.Configuration;

using Insights.ClusterHosting.Clustering;
using Insights.Generator;
using Insights.Generator.Cli;
using Insights.Lake.Azure;
using Insights.Sentiment;
using Insights.Sentiment.Azure;
using Insights.Silo.Hosting;
using Orleans.Configuration;

/// <summary>
/// The configuration the code reads that reflection over options types cannot see, in one place. Options types with a
/// <c>public const string SectionName</c> are found by <see cref="ConfigurationCatalog"/> itself; this lists the rest,
/// found with
/// <code>grep -rnE 'GetValue|GetSection\(|[cC]onfiguration\[|section\[|GetEnvironmentVariable' --include=*.cs</code>
/// over the deployed projects (bin, obj, tests and Benchmarks left out). CodeScanTests fails when the code reads a
/// literal key or environment variable that is missing here, so the list cannot silently fall behind.
/// </summary>
public static class KnownConfiguration
{
    /// <summary>Keys read one by one with an indexer or <c>GetValue</c>.</summary>
    public static readonly IReadOnlyList<string> DirectKeys =
    [
        // Silo/Hosting/OrleansDashboardExtensions.cs: GetValue<bool>(EnabledKey)
        "Insights:OrleansDashboard:Enabled",
        // Silo/Hosting/StorageExtensions.cs: section["Provider"], section["Path"], section["AzureBlob:..."]
        StorageExtensions.SectionName + ":Provider",
        StorageExtensions.SectionName + ":Path",
        StorageExtensions.SectionName + ":AzureBlob:ConnectionString",
        StorageExtensions.SectionName + ":AzureBlob:AccountUrl",
        StorageExtensions.SectionName + ":AzureBlob:Container",
        // Silo/Hosting/SentimentExtensions.cs: section["Analyzer"]
        SentimentExtensions.SectionName + ":Analyzer",
        // Sentiment/LocalSentimentModel.cs: configuration[ConfigurationKey]
        LocalSentimentModel.ConfigurationKey,
    ];

    /// <summary>Options types bound from a section that is not a <c>SectionName</c> constant of their own.</summary>
    public static readonly IReadOnlyList<(Type Type, string Section)> BoundSections =
    [
        // Silo/Hosting/SentimentExtensions.cs: GetSection(AzureSectionName).Get<AzureLanguageOptions>()
        (typeof(AzureLanguageOptions), SentimentExtensions.AzureSectionName),
        // Lake/Hosting/LakeServiceCollectionExtensions.cs: GetSection(AzureBlobLakeStore.DefaultSection).Get<AzureBlobOptions>()
        (typeof(AzureBlobOptions), AzureBlobLakeStore.DefaultSection),
        // ClusterHosting/ClusteringExtensions.cs: Configure<ClusterMembershipOptions>(section.GetSection("Membership"))
        (typeof(ClusterMembershipOptions), InsightsClusterOptions.SectionName + ":Membership"),
    ];

    /// <summary>Keys of ASP.NET Core's host itself (environment variable <c>Urls</c>; appsettings.json sets it too).</summary>
    public static readonly IReadOnlyList<string> HostKeys = ["Urls"];

    /// <summary>Sections read whole by the host: logging providers bind any key below <c>Logging</c>.</summary>
    public static readonly IReadOnlyList<string> HostSections = ["Logging"];

    /// <summary>
    /// Environment variables read as such, by prefix: ASPNETCORE_ and DOTNET_ (the host's own configuration),
    /// AZURE_ (Azure.Identity: AZURE_CLIENT_ID, AZURE_TENANT_ID, AZURE_FEDERATED_TOKEN_FILE from workload identity),
    /// POD_ and ORLEANS_ (Orleans' Kubernetes hosting: POD_NAME, POD_NAMESPACE, POD_IP, ORLEANS_SERVICE_ID...),
    /// OTEL_ (OpenTelemetry's own variables; ServiceDefaults turns the OTLP exporter on when OTEL_EXPORTER_OTLP_ENDPOINT is set).
    /// </summary>
    public static readonly IReadOnlyList<string> EnvironmentPrefixes = ["ASPNETCORE_", "DOTNET_", "AZURE_", "POD_", "ORLEANS_", "OTEL_"];

    /// <summary>Environment variables read by name.</summary>
    public static readonly IReadOnlyList<string> EnvironmentNames =
    [
        // .NET and DuckDB write under $HOME: the containers' root file system is read-only, so it points at /tmp.
        "HOME",
        // Generator/Cli/GeneratorSettings.cs: the API key sent as X-Api-Key when --api-key is not given.
        GeneratorSettings.ApiKeyEnvironmentVariable,
        // Generator/EventHubsEventSink.cs: the Event Hubs connection string of --sink eventhubs.
        EventHubsEventSinkOptions.ConnectionEnvironmentVariable,
    ];
}
