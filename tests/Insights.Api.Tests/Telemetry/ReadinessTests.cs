namespace Insights.Api.Tests.Telemetry;

using Insights.ClusterHosting.Health;
using Insights.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

/// <summary>The API's readiness is its client's gateway connection, not a call to a grain.</summary>
[Collection(ApiCollection.Name)]
public sealed class ReadinessTests(ApiFixture fixture)
{
    [Fact]
    public async Task The_only_readiness_check_is_the_gateway_connection_and_it_observes_the_client()
    {
        var services = fixture.Factory.Services;
        var registrations = services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations;
        var ready = Assert.Single(registrations, r => r.Tags.Contains(HealthEndpoints.ReadyTag));
        var check = Assert.IsType<GatewayConnectionCheck>(ready.Factory(services));
        Assert.Contains(services.GetServices<IClusterConnectionStatusObserver>(), o => ReferenceEquals(o, check));
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
    }
}
