namespace Insights.Deployment.Tests;

using System.Text.RegularExpressions;
using Insights.Deployment.Tests.Configuration;
using Insights.Deployment.Tests.Support;
using Insights.Streaming.AzureQueues;

/// <summary>
/// The catalog of configuration keys built from the code, and the checker every deployment test uses: that it knows
/// what the code reads, that it is complete against the code, and that it catches a renamed key.
/// </summary>
public sealed partial class ConfigurationCatalogTests
{
    private static ConfigurationCatalog Catalog => ConfigurationCatalog.FromCode();

    [Fact]
    public void Finds_every_options_type_with_a_section_name()
    {
        var found = Catalog.Sources.Select(s => s.Type.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var type in new[]
                 {
                     "InsightsClusterOptions", "InsightsStreamOptions", "AzureQueueStreamOptions", "EventHubsStreamOptions",
                     "LakeOptions", "LakeWriterOptions", "WarehouseOptions", "VideoOptions", "LeaderboardOptions",
                     "DimensionsOptions", "IngestLimits", "AuthOptions", "DashboardOptions", "ApiLimitsOptions",
                     "TikTokSourceOptions", "AzureLanguageOptions", "AzureBlobOptions", "ClusterMembershipOptions",
                 })
        {
            Assert.Contains(type, found);
        }
    }

    [Theory]
    [InlineData("Insights:Cluster:Provider")]
    [InlineData("Insights:Cluster:Redis:ConnectionString")]
    [InlineData("Insights:Cluster:Membership:ProbeTimeout")]
    [InlineData("Insights:Cluster:AzureTable:ServiceUri")]
    [InlineData("Insights:Cluster:AzureTable:RemindersTableName")]
    [InlineData("Insights:Cluster:Tls:CertificatePath")]
    [InlineData("Insights:Cluster:Tls:AllowAnyRemoteCertificate")]
    [InlineData("Insights:Streams:AzureQueue:QueuePrefix")]
    [InlineData("Insights:Streams:EventHubs:Checkpoint:TableServiceUri")]
    [InlineData("Insights:Storage:AzureBlob:AccountUrl")]
    [InlineData("Insights:Lake:AzureBlob:AccountUrl")]
    [InlineData("Insights:Lake:Writer:MaxFileAge")]
    [InlineData("Insights:Sentiment:Azure:Endpoint")]
    [InlineData("Insights:Warehouse:Synapse:StorageUrl")]
    [InlineData("Insights:Auth:ApiKeys:0:Hash")]
    [InlineData("Insights:Auth:ApiKeys:12:Scopes:3")]
    [InlineData("Insights:Auth:StreamTokens:SigningKey")]
    [InlineData("Insights:Sources:TikTok:Usernames:0")]
    [InlineData("Insights:Api:RateLimits:Ingest:TokenLimit")]
    [InlineData("insights:shutdowntimeout")]
    [InlineData("Insights:OrleansDashboard:Enabled")]
    [InlineData("Logging:LogLevel:Default")]
    [InlineData("Urls")]
    public void Knows_keys_the_code_reads(string key) => Assert.True(Catalog.IsKnownKey(key), $"{key} should be known");

    [Theory]
    [InlineData("Insights:Cluster:Provder")]
    [InlineData("Insights:Streams:AzureQueue:Prefix")]
    [InlineData("Insights:Auth:ApiKeys:x:Hash")]
    [InlineData("Insights:Auth:ApiKeys:0")]
    [InlineData("Insights:Streams:EventHubs:StartsFromEarliest")] // get-only: never bound
    [InlineData("Insights:Nothing")]
    public void Rejects_keys_nothing_reads(string key) => Assert.False(Catalog.IsKnownKey(key), $"{key} should be unknown");

    [Theory]
    [InlineData("Insights__Streams__AzureQueue__QueuePrefix", true)]
    [InlineData("Logging__Console__FormatterName", true)]
    [InlineData("ASPNETCORE_ENVIRONMENT", true)]
    [InlineData("AZURE_CLIENT_ID", true)]
    [InlineData("POD_IP", true)]
    [InlineData("INSIGHTS_API_KEY", true)]
    [InlineData("Urls", true)]
    [InlineData("Insights__Streams__AzureQueue__QueuePrefx", false)]
    [InlineData("INSIGHTS_API_KEYS", false)]
    [InlineData("Insights_Streams_Provider", false)]
    public void Knows_environment_variables(string name, bool known) => Assert.Equal(known, Catalog.IsKnownVariable(name));

    /// <summary>
    /// The point of building the catalog from the code: rename a property of an options type and the same deployment
    /// files stop passing. Shown with a stand-in of AzureQueueStreamOptions whose QueuePrefix became Prefix.
    /// </summary>
    [Fact]
    public void A_renamed_options_property_makes_the_deployment_check_fail()
    {
        var compose = Compose.Load();
        var silo = compose.EnvironmentOf("silo-1").Select(kv => (kv.Key, "docker-compose.yml silo-1")).ToList();
        Assert.Contains(silo, v => v.Key == "Insights__Streams__AzureQueue__QueuePrefix");
        Assert.Empty(Catalog.UnknownVariables(silo));

        var renamed = ConfigurationCatalog.Build(
            Catalog.Sources.Where(s => s.Type != typeof(AzureQueueStreamOptions)).Append((typeof(RenamedAzureQueueStreamOptions), RenamedAzureQueueStreamOptions.SectionName)),
            KnownConfiguration.DirectKeys);
        var problems = renamed.UnknownVariables(silo);
        Assert.Equal(["docker-compose.yml silo-1: Insights__Streams__AzureQueue__QueuePrefix"], problems);
        Assert.True(renamed.IsKnownVariable("Insights__Streams__AzureQueue__Prefix"));
    }

    /// <summary>The other way round: a deployment file that misspells a key is caught (here the real compose file, edited in memory).</summary>
    [Fact]
    public void A_misspelled_key_in_a_deployment_file_is_reported()
    {
        var text = Repo.Read("docker-compose.yml").Replace("Insights__Cluster__Redis__ConnectionString:", "Insights__Cluster__Redis__Connection:", StringComparison.Ordinal);
        var compose = Compose.Parse(text);
        var names = compose.EnvironmentOf("api").Select(kv => (kv.Key, "api")).ToList();
        Assert.Equal(["api: Insights__Cluster__Redis__Connection"], Catalog.UnknownVariables(names));

        // ... and the cluster-shape check misses the real key.
        Assert.Contains(ClusterShape.Problems(compose.EnvironmentOf("api"), ClusterShape.Role.Api),
            p => p.StartsWith("Insights:Cluster:Redis:ConnectionString is not set", StringComparison.Ordinal));
    }

    /// <summary>
    /// KnownConfiguration lists the keys read without an options type by hand; this scan of the deployed code makes
    /// sure it stays complete: every literal key (GetValue("..."), section["..."], const ...Key = "Insights:...",
    /// SectionName + ":...") and every environment variable read by name is known.
    /// </summary>
    [Fact]
    public void Every_literal_key_and_environment_variable_the_code_reads_is_in_the_catalog()
    {
        var catalog = Catalog;
        var problems = new List<string>();
        var literals = 0;
        foreach (var file in Repo.ProductionSources())
        {
            var text = File.ReadAllText(file);
            foreach (Match m in LiteralKey().Matches(text))
            {
                var literal = m.Groups["key"].Value.TrimStart(':');
                literals++;
                var known = literal.StartsWith("Insights:", StringComparison.Ordinal)
                    ? catalog.IsKnownKey(literal) || catalog.Keys.Any(k => k.StartsWith(literal + ":", StringComparison.OrdinalIgnoreCase))
                    : catalog.Keys.Any(k => (":" + k + ":").Contains(":" + literal + ":", StringComparison.OrdinalIgnoreCase));
                if (!known)
                {
                    problems.Add($"{Repo.Relative(file)}: reads '{literal}', which the catalog does not know (add it to KnownConfiguration)");
                }
            }

            foreach (Match m in EnvironmentRead().Matches(text))
            {
                var name = m.Groups["name"].Value;
                literals++;
                if (!KnownConfiguration.EnvironmentNames.Contains(name, StringComparer.Ordinal))
                {
                    problems.Add($"{Repo.Relative(file)}: reads the environment variable {name} (add it to KnownConfiguration.EnvironmentNames)");
                }
            }
        }

        Assert.True(literals >= 10, $"the scan found only {literals} reads: the patterns no longer match the code");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Direct_keys_are_not_also_options_properties()
    {
        // A key listed by hand that an options type also binds would hide a rename of that property.
        var reflected = ConfigurationCatalog.Build(Catalog.Sources, []);
        var both = KnownConfiguration.DirectKeys.Where(reflected.IsKnownKey).ToList();
        Assert.True(both.Count == 0, "listed by hand but bound by an options type: " + string.Join(", ", both));
    }

    [GeneratedRegex("""(?:(?<!\w)GetValue(?:<[^>]*>)?\(\s*"(?<key>[^"]+)"|\b(?:section|configuration|Configuration|config)\s*\[\s*"(?<key>[^"]+)"\s*\]|const\s+string\s+\w*Key\s*=\s*"(?<key>Insights:[^"]+)"|GetSection\(\s*"(?<key>[^"]+)"|SectionName\s*\+\s*"(?<key>:[^"]+)")""")]
    private static partial Regex LiteralKey();

    [GeneratedRegex("""(?:GetEnvironmentVariable\(\s*"(?<name>[A-Za-z_][A-Za-z0-9_]*)"|EnvironmentVariable\s*=\s*"(?<name>[A-Za-z_][A-Za-z0-9_]*)")""")]
    private static partial Regex EnvironmentRead();

    /// <summary>AzureQueueStreamOptions as it would be after renaming QueuePrefix to Prefix.</summary>
    private sealed class RenamedAzureQueueStreamOptions
    {
        public const string SectionName = AzureQueueStreamOptions.SectionName;

        public string? ConnectionString { get; set; }

        public Uri? ServiceUri { get; set; }

        public string Prefix { get; set; } = "insights-video";

        public TimeSpan VisibilityTimeout { get; set; }

        public int MaxDeliveryFailures { get; set; }
    }
}
