namespace Insights.ClusterHosting.Health;

using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

/// <summary>Ready once the silo has joined the cluster and is serving grains.</summary>
internal sealed class SiloReadyCheck(ISiloStatusOracle oracle) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(oracle.CurrentStatus == SiloStatus.Active
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"silo is {oracle.CurrentStatus}"));
}
