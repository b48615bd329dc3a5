namespace Insights.ClusterHosting.Clustering;

using System.Net;
using Insights.Lake.Azure;
using Microsoft.Extensions.Options;

/// <summary>Checks <c>Insights:Cluster</c> at start; each failure names its key.</summary>
internal sealed class InsightsClusterOptionsValidator : IValidateOptions<InsightsClusterOptions>
{
    private const string Section = InsightsClusterOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, InsightsClusterOptions options)
    {
        var failures = new List<string>();
        if (!ClusteringProviders.TryGet(options.Provider, out _))
        {
            failures.Add($"{Section}:Provider '{options.Provider}' is not supported (use {string.Join(", ", ClusteringProviders.Names)}).");
        }

        foreach (var (key, port) in new[] { ("SiloPort", options.SiloPort), ("GatewayPort", options.GatewayPort) })
        {
            if (port is < IPEndPoint.MinPort or > IPEndPoint.MaxPort)
            {
                failures.Add($"{Section}:{key} {port} is not a port number.");
            }
        }

        if (string.IsNullOrWhiteSpace(options.ClusterId) || string.IsNullOrWhiteSpace(options.ServiceId))
        {
            failures.Add($"{Section}:ClusterId and {Section}:ServiceId must not be empty.");
        }

        if (!string.IsNullOrWhiteSpace(options.AdvertisedIPAddress) && !IPAddress.TryParse(options.AdvertisedIPAddress, out _))
        {
            failures.Add($"{Section}:AdvertisedIPAddress '{options.AdvertisedIPAddress}' is not an IP address.");
        }

        if (string.Equals(options.Provider, RedisClusteringProvider.Name, StringComparison.OrdinalIgnoreCase))
        {
            Check(failures, () => RedisClusteringProvider.Parse(options.Redis));
        }

        if (string.Equals(options.Provider, AzureTableClusteringProvider.Name, StringComparison.OrdinalIgnoreCase))
        {
            Check(failures, () => TableServiceClientFactory.Create(
                options.AzureTable.ConnectionString, options.AzureTable.ServiceUri, AzureTableClusterOptions.SectionName));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The client factories already check their settings, naming the key: reuse their rule and message.</summary>
    private static void Check(List<string> failures, Func<object> create)
    {
        try
        {
            create();
        }
        catch (InvalidOperationException ex)
        {
            failures.Add(ex.Message);
        }
    }
}
