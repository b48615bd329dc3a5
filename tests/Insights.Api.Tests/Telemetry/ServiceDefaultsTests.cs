namespace Insights.Api.Tests.Telemetry;

using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Insights.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Trace;

/// <summary>The shared defaults on a bare host: what the silo and the API both get from <c>AddServiceDefaults</c>.</summary>
public sealed class ServiceDefaultsTests
{
    private static async Task<WebApplication> StartAsync(Dictionary<string, string?> settings, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddServiceDefaults();
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapDefaultEndpoints();
        await app.StartAsync();
        return app;
    }

    [Fact]
    public async Task Liveness_ignores_readiness_checks_and_readiness_runs_them()
    {
        await using var app = await StartAsync([], b => b.Services.AddHealthChecks()
            .AddCheck("not-yet", () => HealthCheckResult.Unhealthy(), [HealthEndpoints.ReadyTag]));
        using var client = app.GetTestClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/readyz")).StatusCode);
    }

    [Fact]
    public async Task An_insights_meter_is_scraped_under_its_prometheus_name()
    {
        await using var app = await StartAsync([]);
        using var meter = new Meter("Insights.Tests." + Guid.NewGuid().ToString("N"));
        meter.CreateCounter<long>("insights.tests.things", "{thing}").Add(3);
        using var client = app.GetTestClient();
        var scrape = await (await client.GetAsync("/metrics")).Content.ReadAsStringAsync();
        Assert.Equal(3, PrometheusText.Sum(scrape, "insights_tests_things_total", $"otel_scope_name=\"{meter.Name}\""));
    }

    [Fact]
    public async Task The_scrape_endpoint_can_be_switched_off()
    {
        await using var app = await StartAsync(new() { ["Insights:Telemetry:Prometheus:Enabled"] = "false" });
        using var client = app.GetTestClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task Without_an_exporter_no_span_is_recorded()
    {
        await using var app = await StartAsync([]);
        using var source = new ActivitySource("Insights.Tests." + Guid.NewGuid().ToString("N"));

        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.Null(source.StartActivity("unexported"));
    }

    [Fact]
    public async Task With_an_exporter_traces_started_here_are_sampled_at_the_ratio_and_a_callers_sampled_trace_is_followed()
    {
        await using var app = await StartAsync(new()
        {
            [OpenTelemetryExtensions.OtlpEndpointKey] = "http://127.0.0.1:9", // nothing listens: exports fail quietly
            ["Insights:Telemetry:Tracing:SampleRatio"] = "0",
        });
        using var source = new ActivitySource("Insights.Tests." + Guid.NewGuid().ToString("N"));
        var callers = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded, isRemote: true);

        Assert.NotNull(app.Services.GetService<TracerProvider>());
        using (var root = source.StartActivity("root"))
        {
            Assert.False(root?.Recorded ?? false);
        }

        using var followed = source.StartActivity("followed", ActivityKind.Server, callers);
        Assert.NotNull(followed);
        Assert.True(followed.Recorded);
        Assert.Equal(callers.TraceId, followed.TraceId);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("-0.1")]
    public async Task A_sample_ratio_outside_0_to_1_stops_the_start_naming_the_key(string ratio)
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(new() { ["Insights:Telemetry:Tracing:SampleRatio"] = ratio }));
        Assert.Contains("Insights:Telemetry:Tracing:SampleRatio", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_shutdown_timeout_comes_from_its_key()
    {
        await using var app = await StartAsync(new() { ["Insights:ShutdownTimeout"] = "00:00:07" });
        Assert.Equal(TimeSpan.FromSeconds(7), app.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }

    [Fact]
    public async Task A_shutdown_timeout_that_is_not_positive_stops_the_start_naming_the_key()
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new() { ["Insights:ShutdownTimeout"] = "-00:00:01" }));
        Assert.Contains("Insights:ShutdownTimeout", ex.Message);
    }

    [Fact]
    public async Task Http_clients_from_the_factory_retry_transient_failures()
    {
        var flaky = new FlakyHandler(failures: 2);
        await using var app = await StartAsync([], b =>
        {
            b.Services.AddHttpClient("flaky").ConfigurePrimaryHttpMessageHandler(() => flaky);
            // The standard pipeline's own backoff, shortened so the test does not wait for it.
            b.Services.ConfigureAll<Microsoft.Extensions.Http.Resilience.HttpStandardResilienceOptions>(o => o.Retry.Delay = TimeSpan.FromMilliseconds(1));
        });
        var client = app.Services.GetRequiredService<IHttpClientFactory>().CreateClient("flaky");
        var response = await client.GetAsync("http://flaky.invalid/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, flaky.Calls);
    }

    /// <summary>Answers 503 to its first <c>failures</c> requests, then 200.</summary>
    private sealed class FlakyHandler(int failures) : HttpMessageHandler
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(
                Interlocked.Increment(ref _calls) <= failures ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK));
    }
}
