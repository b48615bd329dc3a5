namespace Insights.Streaming.Tests.EventHubs;

using Insights.Delivery;
using Insights.Events;
using Insights.Generator;
using Insights.Grains.Videos;
using Insights.Streaming.EventHubs;
using Insights.Streaming.Tests.EventHubs.Support;
using Insights.Wire;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Streams;
using Orleans.TestingHost;

/// <summary>Runs only where an Event Hubs namespace is at hand; skipped otherwise, saying what to set.</summary>
public sealed class EventHubsFactAttribute : FactAttribute
{
    public const string ConnectionVariable = "INSIGHTS_EVENTHUBS_CONNECTION";
    public const string HubVariable = "INSIGHTS_EVENTHUBS_HUB";
    public const string ConsumerGroupVariable = "INSIGHTS_EVENTHUBS_CONSUMER_GROUP";

    public EventHubsFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(ConnectionVariable)))
        {
            Skip = $"No Event Hubs: set {ConnectionVariable} (a connection string with Send and Listen), and optionally {HubVariable} " +
                $"(an existing hub, default video-events) and {ConsumerGroupVariable} (default $Default) to run against a real hub.";
        }
    }
}

/// <summary>
/// The whole path on a real hub: the generator's buffered producer sends wire JSON keyed by video; a silo with the
/// provider as Insights wires it (checkpoints on Azurite) reads it from the end of every partition.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class EventHubsLiveTests(AzuriteFixture azurite)
{
    private const string Provider = "ehlive";

    [EventHubsFact]
    public async Task Generator_events_reach_their_grains_through_a_real_hub()
    {
        var connection = Environment.GetEnvironmentVariable(EventHubsFactAttribute.ConnectionVariable)!;
        var hub = Environment.GetEnvironmentVariable(EventHubsFactAttribute.HubVariable) is { Length: > 0 } h ? h : "video-events";
        var options = new EventHubsStreamOptions
        {
            ConnectionString = connection,
            Path = hub,
            ConsumerGroup = Environment.GetEnvironmentVariable(EventHubsFactAttribute.ConsumerGroupVariable) is { Length: > 0 } g ? g : "$Default",
            StartFrom = EventHubsStreamOptions.Latest,
            Checkpoint = new EventHubsCheckpointOptions { ConnectionString = azurite.ConnectionString, TableName = "live" + Guid.NewGuid().ToString("N")[..12] },
        };

        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.Configure<GrainTypeOptions>(o => o.Classes.Remove(typeof(VideoGrain)));
            silo.AddEventHubsStreams(Provider, options, b => b.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly));
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        try
        {
            // Receivers start at the end of each partition; give them a moment before sending.
            await Task.Delay(TimeSpan.FromSeconds(10));
            var run = Guid.NewGuid().ToString("N")[..8];
            var videos = Enumerable.Range(0, 4).Select(i => $"live-{run}-{i}").ToList();
            var createTime = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds();
            var events = Enumerable.Range(0, 5).SelectMany(i => videos.Select(v => new WireEvent
            {
                Type = WireFields.TypeComment, Id = $"{v}-c{i}", VideoId = v, Text = "live test", CreateTime = createTime,
            })).ToList();
            await using (var sink = new EventHubsEventSink(new EventHubsEventSinkOptions { ConnectionString = connection, Hub = hub }))
            {
                var results = await sink.SendAsync(events);
                Assert.All(results, r => Assert.Equal(SinkStatus.Accepted, r.Status));
            }

            foreach (var v in videos)
            {
                var grain = cluster.Client.GetGrain<IVideoRecorderGrain>(v);
                var received = await Eventually.Until(grain.GetEvents, r => r.Count >= 5, TimeSpan.FromSeconds(60));
                Assert.Equal(Enumerable.Range(0, 5).Select(i => $"{v}-c{i}"), received.Select(e => ((CommentPosted)e).CommentId));
            }
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }
}
