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
    public async Task Storage_down_for_a_while_then_back_loses_nothing_and_refuses_what_it_cannot_keep()
    {
        fixture.Lake.Fail();

        var first = await fixture.Client.PostAsync("/api/events", Json.Body(Batch("first", 100)));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(100, (await first.Read<IngestResponse>()).Accepted);

        // The raw writer now holds 100 rows it cannot write; another 100 would pass its bound of 150.
        var refused = await fixture.Client.PostAsync("/api/events", Json.Body(Batch("second", 100)));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);

        await Task.Delay(500);
        Assert.True(fixture.Lake.Failures > 0, "the writers should have been trying");

        // Once storage is back the buffers drain; a client that retries the refused batch gets it in.
        fixture.Lake.Recover();
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
