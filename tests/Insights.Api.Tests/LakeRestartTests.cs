namespace Insights.Api.Tests;

using Insights.Ingest;
using Insights.Lake;
using Insights.Lake.Zones;
using Microsoft.Extensions.DependencyInjection;

/// <summary>Files are cut only every 10 minutes here, so whatever is in the lake after a restart got there by the shutdown flush.</summary>
public sealed class SlowFlushApiFixture : ApiFixture
{
    protected override void ConfigureSettings(IDictionary<string, string?> settings)
    {
        settings["Insights:Lake:Writer:MaxFileAge"] = "00:10:00";
        settings["Insights:Video:FlushInterval"] = "00:10:00";
    }
}

public sealed class LakeRestartTests(SlowFlushApiFixture fixture) : IClassFixture<SlowFlushApiFixture>
{
    [Fact]
    public async Task After_a_graceful_restart_the_zones_hold_every_event_accepted_before_it()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var events = Enumerable.Range(0, 60).Select(i =>
                $$"""{"type":"comment","id":"rs-{{i}}","video_id":"restart-{{i % 3}}","text":"comment {{i}} is great","create_time":{{now}}}""")
            .Append("""{"type":"comment","id":"rs-x","video_id":"restart-0"}""");
        var response = await (await fixture.Client.PostAsync("/api/events", Json.Body("[" + string.Join(",", events) + "]"))).Read<IngestResponse>();
        Assert.Equal((60, 1), (response.Accepted, response.Rejected));

        // Let the grains take the events in before the restart; nothing has been written to the lake yet.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var stats = await (await fixture.Client.GetAsync("/api/videos/restart-2")).Read<Insights.Stats.VideoStats>();
            if (stats?.Totals.Comments == 20)
            {
                break;
            }

            await Task.Delay(100);
        }

        var reader = new LakeReader(fixture.SiloServices.GetRequiredService<ILakeStore>());
        Assert.Empty(await reader.ReadCommentsAsync());

        await fixture.RestartAsync();

        reader = new LakeReader(fixture.SiloServices.GetRequiredService<ILakeStore>());
        var raw = new List<Lake.Records.RawEventRecord>();
        await foreach (var r in reader.ReadRawAsync())
        {
            raw.Add(r);
        }

        Assert.Equal(60, raw.Count);
        Assert.Equal(60, (await reader.ReadCommentsAsync()).Count);
        Assert.Equal(3, (await reader.ReadSnapshotsAsync()).Select(s => s.VideoId).Distinct().Count());
        Assert.Contains(await reader.ReadQuarantineAsync(), q => q.QuarantineId == response.Items[60].QuarantineId);

        // And the grains kept their state across the restart.
        var after = await (await fixture.Client.GetAsync("/api/videos/restart-1")).Read<Insights.Stats.VideoStats>();
        Assert.Equal(20, after.Totals.Comments);
    }
}
