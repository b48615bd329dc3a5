namespace Insights.Streaming.Tests.AzureQueues;

using Orleans.Streams;
using Orleans.Streams.Core;

[Alias("insights.tests.IRecorderGrain")]
public interface IRecorderGrain : IGrainWithStringKey
{
    /// <summary>Each event once, in first-arrival order: what an idempotent consumer counts.</summary>
    [Alias("GetEvents")]
    Task<List<TestEvent>> GetEvents();

    /// <summary>Every event delivered, redeliveries included.</summary>
    [Alias("GetDeliveredCount")]
    Task<int> GetDeliveredCount();
}

/// <summary>
/// Records every event of its stream in <see cref="Namespace"/>, de-duplicated by sequence like a video grain
/// de-duplicates comments. A stream keyed <c>poison-*</c> fails every delivery; one keyed <c>slow-*</c> takes
/// <see cref="SlowDelivery"/> over its first delivery.
/// </summary>
[ImplicitStreamSubscription(Namespace)]
public sealed class RecorderGrain : Grain, IRecorderGrain, IStreamSubscriptionObserver, IAsyncBatchObserver<TestEvent>
{
    public const string Namespace = "test-ns";

    public static readonly TimeSpan SlowDelivery = TimeSpan.FromSeconds(4);

    private readonly List<TestEvent> _events = [];
    private readonly HashSet<int> _seen = [];
    private int _delivered;

    public Task<List<TestEvent>> GetEvents() => Task.FromResult(_events.ToList());

    public Task<int> GetDeliveredCount() => Task.FromResult(_delivered);

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<TestEvent>().ResumeAsync(this);

    public async Task OnNextAsync(IList<SequentialItem<TestEvent>> items)
    {
        var key = this.GetPrimaryKeyString();
        if (key.StartsWith("poison-", StringComparison.Ordinal))
        {
            _delivered += items.Count;
            throw new InvalidOperationException($"{key} refuses every delivery");
        }

        if (key.StartsWith("slow-", StringComparison.Ordinal) && _delivered == 0)
        {
            await Task.Delay(SlowDelivery);
        }

        _delivered += items.Count;
        _events.AddRange(items.Select(i => i.Item).Where(e => _seen.Add(e.Sequence)));
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}
