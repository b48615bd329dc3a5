namespace Insights.Cluster.Tests;

using System.Net;

/// <summary>The silo process serves the Prometheus scrape (ServiceDefaults) with Orleans' own meter in it.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SiloMetricsTests(ClusterFixture cluster)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task The_silo_serves_metrics_with_orleans_instruments()
    {
        await cluster.EnsureAllRunningAsync();
        using var response = await Http.GetAsync($"http://127.0.0.1:{cluster.Silos[0].HttpPort}/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var scrape = await response.Content.ReadAsStringAsync();
        Assert.Contains("otel_scope_name=\"Microsoft.Orleans\"", scrape);
    }
}
