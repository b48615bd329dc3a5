namespace Insights.ClusterHosting.Health;

using Microsoft.Extensions.Diagnostics.HealthChecks;

/// <summary>
/// Ready while the client holds a connection to at least one gateway, as Orleans reports it. Unlike a grain call it
/// costs the cluster nothing and does not depend on any one grain's activation being responsive.
/// </summary>
internal sealed class GatewayConnectionCheck : IClusterConnectionStatusObserver, IHealthCheck
{
    private int _gateways;

    public void NotifyGatewayCountChanged(int currentNumberOfGateways, int previousNumberOfGateways, bool connectionRecovered) =>
        Volatile.Write(ref _gateways, currentNumberOfGateways);

    public void NotifyClusterConnectionLost() => Volatile.Write(ref _gateways, 0);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var gateways = Volatile.Read(ref _gateways);
        return Task.FromResult(gateways > 0
            ? HealthCheckResult.Healthy($"{gateways} gateway(s) connected")
            : HealthCheckResult.Unhealthy("no gateway connected"));
    }
}
