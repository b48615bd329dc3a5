namespace Insights.Api.Tests.Telemetry;

using Insights.ClusterHosting.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

/// <summary>The API is ready while its client holds a gateway connection; no grain is called to find out.</summary>
public sealed class GatewayConnectionCheckTests
{
    private static async Task<HealthStatus> StatusAsync(GatewayConnectionCheck check) =>
        (await check.CheckHealthAsync(new HealthCheckContext())).Status;

    [Fact]
    public async Task Ready_only_while_a_gateway_is_connected()
    {
        var check = new GatewayConnectionCheck();
        Assert.Equal(HealthStatus.Unhealthy, await StatusAsync(check));

        check.NotifyGatewayCountChanged(2, 0, connectionRecovered: false);
        Assert.Equal(HealthStatus.Healthy, await StatusAsync(check));

        check.NotifyGatewayCountChanged(0, 2, connectionRecovered: false);
        Assert.Equal(HealthStatus.Unhealthy, await StatusAsync(check));

        check.NotifyGatewayCountChanged(1, 0, connectionRecovered: true);
        check.NotifyClusterConnectionLost();
        Assert.Equal(HealthStatus.Unhealthy, await StatusAsync(check));
    }
}
