namespace Insights.Api.Tests.Telemetry;

using System.Diagnostics.Metrics;
using System.Net;
using Insights.Ingest;
using Insights.Testing;

/// <summary>
/// <c>GET /metrics</c> serves Insights' own instruments in Prometheus' format, under <c>insights_*</c>. The meters are
/// process-wide and other test classes post at the same time, so counts are compared as at least what this test sent.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class MetricsEndpointTests(ApiFixture fixture)
{
    private const string Accepted = "insights_ingest_events_accepted_total";
    private const string Rejected = "insights_ingest_events_rejected_total";
    private const string Quarantined = "insights_ingest_events_quarantined_total";

    private static string NewId() => Guid.NewGuid().ToString("N")[..16];

    [Fact]
    public async Task Posted_events_are_counted_as_accepted_rejected_and_quarantined_on_the_scrape_endpoint()
    {
        // Answers without credentials, like the health endpoints: a scraper has none.
        using var anonymous = fixture.Factory.CreateClient();
        var before = await ScrapeAsync(anonymous);

        var video = NewId();
        var now = Json.Now;
        var response = await fixture.Client.PostAsync("/api/events", Json.Body($$"""
            [
              {"type":"comment","id":"{{NewId()}}","video_id":"{{video}}","text":"lovely","create_time":{{now - 30}},"username":"a"},
              {"type":"comment","id":"{{NewId()}}","video_id":"{{video}}","text":"great","create_time":{{now - 20}},"username":"b"},
              {"type":"comment","id":"{{NewId()}}","video_id":"{{video}}","text":"nice","create_time":{{now - 10}},"username":"c"},
              {"type":"comment","video_id":"{{video}}","text":"no id"},
              {"type":"nonsense"}
            ]
            """));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Read<IngestResponse>();
        Assert.Equal((3, 2), (result.Accepted, result.Rejected));

        // The scrape is cached for a moment: ask until it shows this batch.
        var after = await Eventually.Until(
            () => ScrapeAsync(anonymous),
            scrape => Delta(before, scrape, Accepted) >= 3 && Delta(before, scrape, Rejected) >= 2 && Delta(before, scrape, Quarantined) >= 2,
            TimeSpan.FromSeconds(20));
        Assert.True(Delta(before, after, Accepted) >= 3, Describe(before, after, Accepted));
        Assert.True(Delta(before, after, Rejected) >= 2, Describe(before, after, Rejected));
        Assert.True(Delta(before, after, Quarantined) >= 2, Describe(before, after, Quarantined));

        // The silo runs in this process too, so the same scrape shows its instruments once the events got there.
        const string Latency = "insights_stream_delivery_latency_seconds_count";
        var delivered = await Eventually.Until(
            () => ScrapeAsync(anonymous),
            scrape => PrometheusText.Sum(scrape, Latency) - PrometheusText.Sum(before, Latency) >= 3
                && PrometheusText.Has(scrape, "insights_grains_videos_active"),
            TimeSpan.FromSeconds(20));
        Assert.True(PrometheusText.Sum(delivered, Latency) - PrometheusText.Sum(before, Latency) >= 3, "no delivery latency measured");
        Assert.True(PrometheusText.Has(delivered, "insights_grains_videos_active"));
    }

    [Fact]
    public async Task A_new_video_counts_one_more_active_grain()
    {
        // Other fixtures' silos in this process activate and deactivate grains at any time, and a scrape's up-down
        // sum only counts from when its provider started: watch the increments themselves.
        var activations = 0;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == "insights.grains.videos.active")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) =>
        {
            if (value > 0)
            {
                Interlocked.Add(ref activations, (int)value);
            }
        });
        listener.Start();

        var video = NewId();
        var response = await fixture.Client.PostAsync("/api/events", Json.Body($$"""
            [{"type":"comment","id":"{{NewId()}}","video_id":"{{video}}","text":"hello","create_time":{{Json.Now - 5}},"username":"a"}]
            """));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = await Eventually.Until(() => Task.FromResult(Volatile.Read(ref activations)), n => n >= 1, TimeSpan.FromSeconds(20));
        Assert.True(seen >= 1, "no video grain activation was counted");
    }

    [Fact]
    public async Task The_scrape_endpoint_is_not_served_when_switched_off()
    {
        await using var api = fixture.CreateApi(new Dictionary<string, string?> { ["Insights:Telemetry:Prometheus:Enabled"] = "false" });
        using var client = ApiFixture.CreateClient(api);
        var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);

        using var on = ApiFixture.CreateClient(fixture.Factory);
        Assert.Equal(HttpStatusCode.OK, (await on.GetAsync("/metrics")).StatusCode);
    }

    private static async Task<string> ScrapeAsync(HttpClient client)
    {
        var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static double Delta(string before, string after, string metric) =>
        PrometheusText.Sum(after, metric, "source=\"api\"") - PrometheusText.Sum(before, metric, "source=\"api\"");

    private static string Describe(string before, string after, string metric) =>
        $"{metric}: {PrometheusText.Sum(before, metric, "source=\"api\"")} before, {PrometheusText.Sum(after, metric, "source=\"api\"")} after";
}
