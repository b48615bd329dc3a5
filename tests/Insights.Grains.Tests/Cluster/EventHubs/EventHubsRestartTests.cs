namespace Insights.Grains.Tests.Cluster.EventHubs;

using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Insights.Events;
using Insights.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Xunit.Abstractions;

/// <summary>
/// The silo as production wires it (<c>Insights:Streams:Provider=EventHubs</c>: the official provider, Insights' data
/// adapter, the Azure Table checkpointer on Azurite, write-through video grains over file storage), with only the AMQP
/// link replaced by <see cref="InMemoryHub"/>. A restarted silo resumes each partition from its checkpoint, and the
/// events it reads again (the checkpoint trails delivery) are not counted twice.
/// </summary>
public sealed class EventHubsRestartTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Provider = StreamNames.Provider;
    private readonly AzuriteServer _azurite = new();
    private readonly InMemoryHub _hub = new(2);
    private readonly string _table = "ckpt" + Guid.NewGuid().ToString("N")[..12];
    private HubSiloFixture _fixture = null!;

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        _fixture = new HubSiloFixture(_hub, new Dictionary<string, string?>
        {
            ["Insights:Streams:Provider"] = "EventHubs",
            ["Insights:Streams:PollInterval"] = "00:00:00.050",
            ["Insights:Streams:MaxDeliveryTime"] = "00:00:00.500",
            ["Insights:Streams:EventHubs:ConnectionString"] = "Endpoint=sb://in-memory.servicebus.windows.net/;SharedAccessKeyName=test;SharedAccessKey=none",
            ["Insights:Streams:EventHubs:Path"] = "video-events",
            ["Insights:Streams:EventHubs:DataMinTimeInCache"] = "00:00:01",
            ["Insights:Streams:EventHubs:DataMaxAgeInCache"] = "00:00:01",
            ["Insights:Streams:EventHubs:Checkpoint:ConnectionString"] = _azurite.ConnectionString,
            ["Insights:Streams:EventHubs:Checkpoint:TableName"] = _table,
            ["Insights:Streams:EventHubs:Checkpoint:PersistInterval"] = "00:00:01",
            ["Insights:Video:PersistEveryBatch"] = "true",
        });
        await _fixture.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _fixture.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task A_restarted_silo_resumes_from_the_checkpoint_and_counts_nothing_twice()
    {
        var videos = Enumerable.Range(0, 4).Select(v => "75000000000000000" + v).ToList();
        var expected = videos.ToDictionary(v => v, _ => 0);
        void Send(int from, int count)
        {
            for (var i = from; i < from + count; i++)
            {
                foreach (var v in videos)
                {
                    var json = $$"""{"type":"comment","id":"{{v}}-{{i}}","video_id":"{{v}}","text":"great video","create_time":{{DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds()}}}""";
                    _hub.Append(v, Encoding.UTF8.GetBytes(json));
                    expected[v]++;
                }
            }
        }

        // Other producers' wire JSON and the API's Orleans messages, through the same partitions.
        Send(0, 10);
        var now = DateTimeOffset.UtcNow;
        await _fixture.Publish("api-video", Enumerable.Range(0, 5)
            .Select(i => (VideoStreamEvent)new CommentPosted { VideoId = "api-video", CommentId = "api-" + i, Text = "hi", CreateTime = now, IngestedAt = now })
            .ToArray());
        expected["api-video"] = 5;
        await CountedAsync(expected);

        // Checkpoints follow purges, and a message is purged once newer ones arrived DataMaxAgeInCache later.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Send(10, 5);
        await CountedAsync(expected);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Send(15, 5);
        await CountedAsync(expected);
        await Eventually.Until(CheckpointsAsync, c => c.Count == 2, TimeSpan.FromSeconds(30));

        await _fixture.RestartAsync();

        var checkpoints = await CheckpointsAsync();
        Assert.Equal(2, checkpoints.Count);
        Send(20, 5);
        await CountedAsync(expected);

        // Each partition's new receiver started at its checkpoint, not at the start of the stream.
        var starts = _hub.Starts.GroupBy(s => s.Partition).ToDictionary(g => g.Key, g => g.Last().Offset);
        Assert.Equal(checkpoints.OrderBy(c => c.Key), starts.OrderBy(s => s.Key));
        Assert.All(starts.Values, offset => Assert.True(long.Parse(offset, CultureInfo.InvariantCulture) > InMemoryHub.OffsetOf(0)));

        // What was read again is at most what lay at or after the checkpoints, and none of it was counted again.
        var reread = checkpoints.Sum(c => _hub.Log(c.Key).Count(e => long.Parse(e.OffsetString, CultureInfo.InvariantCulture) >= long.Parse(c.Value, CultureInfo.InvariantCulture)));
        long duplicates = 0;
        foreach (var (video, count) in expected)
        {
            var stats = (await _fixture.Client.GetGrain<IVideoGrain>(video).GetStats())!;
            Assert.Equal(count, stats.Totals.Comments);
            duplicates += stats.Ingest.DuplicateComments;
        }

        output.WriteLine($"checkpoints at restart: {string.Join(", ", checkpoints.OrderBy(c => c.Key))}; read again: {reread}; duplicates caught: {duplicates}");
        Assert.True(duplicates <= reread, $"{duplicates} duplicates, but only {reread} messages lay at or after the checkpoints");
    }

    private async Task CountedAsync(Dictionary<string, int> expected)
    {
        foreach (var (video, count) in expected)
        {
            await SiloFixture.Eventually(() => _fixture.Client.GetGrain<IVideoGrain>(video).GetStats(), s => s?.Totals.Comments >= count, TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>The provider's checkpoint rows: partition -> offset.</summary>
    private async Task<Dictionary<string, string>> CheckpointsAsync()
    {
        var table = new TableClient(_azurite.ConnectionString, _table);
        var rows = new Dictionary<string, string>();
        try
        {
            await foreach (var row in table.QueryAsync<TableEntity>())
            {
                if (row.GetString("Offset") is { Length: > 0 } offset)
                {
                    rows[row.RowKey.Split('_')[^1]] = offset;
                }
            }
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
        }

        return rows;
    }

    private sealed class HubSiloFixture(InMemoryHub hub, IReadOnlyDictionary<string, string?> settings) : SiloFixture(settings)
    {
        private static readonly string ServiceId = "insights-eh-" + Guid.NewGuid().ToString("N")[..8];

        protected override void ConfigureSilo(ISiloBuilder silo)
        {
            InMemoryHubAdapterFactory.Replace(silo.Services, Provider, hub);

            // Checkpoints are kept per service id, which stays the same across restarts (Insights:Cluster:ServiceId);
            // the test cluster draws a new one for each cluster it builds.
            silo.Services.PostConfigure<ClusterOptions>(o => o.ServiceId = ServiceId);
        }

        protected override void ConfigureClient(IClientBuilder client)
        {
            InMemoryHubAdapterFactory.Replace(client.Services, Provider, hub);
            client.Services.PostConfigure<ClusterOptions>(o => o.ServiceId = ServiceId);
        }
    }
}
