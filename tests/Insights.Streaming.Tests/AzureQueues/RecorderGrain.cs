namespace Insights.Streaming.Tests.AzureQueues;

using Orleans.Streams;
using Orleans.Streams.Core;

[Alias("insights.tests.IRecorderGrain")]
public interface IRecorderGrain : IGrainWithStringKey
{
    [Alias("GetEvents")]
    Task<List<TestEvent>> GetEvents();
}

/// <summary>Records, in arrival order, every event of its stream in <see cref="Namespace"/>, like a video grain consumes its own.</summary>
[ImplicitStreamSubscription(Namespace)]
public sealed class RecorderGrain : Grain, IRecorderGrain, IStreamSubscriptionObserver, IAsyncBatchObserver<TestEvent>
{
    public const string Namespace = "test-ns";

    private readonly List<TestEvent> _events = [];

    public Task<List<TestEvent>> GetEvents() => Task.FromResult(_events.ToList());

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<TestEvent>().ResumeAsync(this);

    public Task OnNextAsync(IList<SequentialItem<TestEvent>> items)
    {
        _events.AddRange(items.Select(i => i.Item));
        return Task.CompletedTask;
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}
