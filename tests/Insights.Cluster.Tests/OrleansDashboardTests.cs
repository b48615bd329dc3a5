namespace Insights.Cluster.Tests;

using System.Net;

[Collection(ClusterCollection.Name)]
public sealed class OrleansDashboardTests(ClusterFixture cluster)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task The_silo_serves_the_orleans_dashboard_only_when_enabled()
    {
        await cluster.EnsureAllRunningAsync();
        using var enabled = await Http.GetAsync($"http://127.0.0.1:{cluster.Silos[0].HttpPort}/orleans-dashboard/");
        using var disabled = await Http.GetAsync($"http://127.0.0.1:{cluster.Silos[1].HttpPort}/orleans-dashboard/");

        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        Assert.Contains("html", enabled.Content.Headers.ContentType?.MediaType ?? "");
        Assert.Equal(HttpStatusCode.NotFound, disabled.StatusCode);
    }
}
