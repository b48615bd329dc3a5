namespace Insights.Streaming.Tests.EventHubs.Support;

using Insights.Streaming.EventHubs;
using Insights.Wire;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Streams;

/// <summary>One partition's receiver over a fake hub and a real lake; the test plays the pulling agent.</summary>
internal sealed class ReceiverHarness : IAsyncDisposable
{
    public const int Partition = 2;

    private ReceiverHarness(EventHubsStreamOptions options, FakeHub hub, TestLake lake, ManualClock clock)
    {
        Options = options;
        Hub = hub;
        Lake = lake;
        Clock = clock;
        Receiver = new EventHubsQueueAdapterReceiver(
            Partition,
            options,
            hub,
            new EventHubsMessageDecoder(new WireEventParser(new IngestLimits(), clock)),
            new LakeLanding(lake.Raw, lake.Quarantine),
            clock,
            NullLogger.Instance);
    }

    public EventHubsStreamOptions Options { get; }

    public FakeHub Hub { get; }

    public TestLake Lake { get; }

    public ManualClock Clock { get; }

    public EventHubsQueueAdapterReceiver Receiver { get; }

    public static EventHubsStreamOptions NewOptions() => new()
    {
        BootstrapServers = "localhost:9092",
        SecurityProtocol = EventHubsStreamOptions.Plaintext,
        Topic = "video-events",
        Partitions = 4,
        CommitInterval = TimeSpan.FromSeconds(10),
    };

    /// <summary>A started receiver (Initialize done, as the pulling agent does first).</summary>
    public static async Task<ReceiverHarness> StartAsync(
        Action<EventHubsStreamOptions>? configure = null, FakeHub? hub = null, int maxBufferedRows = 1_000_000, bool initialize = true)
    {
        var options = NewOptions();
        configure?.Invoke(options);
        var harness = new ReceiverHarness(options, hub ?? new FakeHub(options.Partitions), new TestLake(maxBufferedRows), new ManualClock(Wire.Now));
        if (initialize)
        {
            await harness.Receiver.Initialize(TimeSpan.FromSeconds(5), CancellationToken.None);
        }

        return harness;
    }

    public long Append(string key, string json, bool rawLanded = false, long? offset = null) => Hub.Append(Partition, key, json, rawLanded, offset);

    public async Task<List<EventHubsBatchContainer>> ReadAsync(int maxCount = -1) =>
        (await Receiver.GetQueueMessagesAsync(maxCount, CancellationToken.None)).Cast<EventHubsBatchContainer>().ToList();

    /// <summary>Reads until a read comes back empty.</summary>
    public async Task<List<EventHubsBatchContainer>> ReadAllAsync()
    {
        var all = new List<EventHubsBatchContainer>();
        while (await ReadAsync() is { Count: > 0 } read)
        {
            all.AddRange(read);
        }

        return all;
    }

    public Task DeliveredAsync(params EventHubsBatchContainer[] containers) =>
        Receiver.MessagesDeliveredAsync(containers.Cast<IBatchContainer>().ToList(), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Receiver.Shutdown(TimeSpan.FromSeconds(5), CancellationToken.None);
        await Lake.DisposeAsync();
    }
}
