namespace Insights.Api.Tests;

using System.Net;
using Insights.Ingest;
using Insights.Lake;
using Insights.Lake.Local;
using Insights.Lake.Zones;
using Insights.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

/// <summary>The lake behind a switch that can make every storage call fail, with small buffers so an outage bites fast.</summary>
public sealed class FlakyLakeApiFixture : ApiFixture
{
    private FlakyLakeStore? _lake;

    public FlakyLakeStore Lake => _lake!;

    protected override void ConfigureSettings(IDictionary<string, string?> settings)
    {
        settings["Insights:Lake:Writer:MaxBufferedRows"] = "150";
        settings["Insights:Lake:Writer:MaxFileAge"] = "00:00:00.200";
        settings["Insights:Lake:Writer:TickInterval"] = "00:00:00.050";
        settings["Insights:Lake:Writer:InitialRetryDelay"] = "00:00:00.050";
        settings["Insights:Lake:Writer:MaxRetryDelay"] = "00:00:00.200";
        _lake = new FlakyLakeStore(new LocalFolderLakeStore(LakePath));
    }

    protected override void ConfigureServices(IServiceCollection services) => services.Replace(ServiceDescriptor.Singleton<ILakeStore>(Lake));
}

public sealed class LakeOutageTests(FlakyLakeApiFixture fixture) : IClassFixture<FlakyLakeApiFixture>
{
    private static string Batch(string prefix, int count)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return "[" + string.Join(",", Enumerable.Range(0, count).Select(i =>
            $$"""{"type":"comment","id":"{{prefix}}-{{i}}","video_id":"outage-{{i % 4}}","text":"still here {{i}}","create_time":{{now}}}""")) + "]";
    }

    [Fact]
    public async Task Storage_down_for_a_while_then_back_loses_nothing_and_acknowledges_nothing_it_has_not_kept()
    {
        var rawWriter = fixture.Factory.Services.GetRequiredService<RawZoneWriter>().Writer;
        fixture.Lake.Fail();

        // Storage went down unnoticed: the batch is published, and its answer waits for the raw zone to hold it.
        var first = fixture.Client.PostAsync("/api/events", Json.Body(Batch("first", 100)));
        var failingUntil = DateTime.UtcNow.AddSeconds(20);
        while (rawWriter.FailedWrites == 0 && DateTime.UtcNow < failingUntil)
        {
            await Task.Delay(20);
        }

        Assert.True(rawWriter.FailedWrites > 0, "the raw writer should have been trying");
        Assert.False(first.IsCompleted); // nothing acknowledged that is not in storage

        // Now that the writer knows storage is down, a batch is refused at once instead of waiting.
        var refused = await fixture.Client.PostAsync("/api/events", Json.Body(Batch("second", 100)));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);

        // Once storage is back the waiting batch is answered; a client that retries the refused batch gets it in.
        fixture.Lake.Recover();
        var answered = await first;
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(100, (await answered.Read<IngestResponse>()).Accepted);
        HttpResponseMessage again;
        var retryUntil = DateTime.UtcNow.AddSeconds(20);
        do
        {
            await Task.Delay(100);
            again = await fixture.Client.PostAsync("/api/events", Json.Body(Batch("second", 100)));
        }
        while (again.StatusCode == HttpStatusCode.ServiceUnavailable && DateTime.UtcNow < retryUntil);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(100, (await again.Read<IngestResponse>()).Accepted);

        var reader = new LakeReader(fixture.Lake.Inner);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        int raw, comments;
        do
        {
            await Task.Delay(200);
            raw = 0;
            await foreach (var _ in reader.ReadRawAsync())
            {
                raw++;
            }

            comments = (await reader.ReadCommentsAsync()).Count;
        }
        while ((raw < 200 || comments < 200) && DateTime.UtcNow < deadline);

        Assert.Equal(200, raw);
        Assert.Equal(200, comments);
    }
}
