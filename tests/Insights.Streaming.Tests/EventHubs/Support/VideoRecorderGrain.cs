namespace Insights.Streaming.Tests.EventHubs.Support;

using Insights.Events;
using Orleans.Streams;
using Orleans.Streams.Core;

[Alias("insights.tests.IVideoRecorderGrain")]
public interface IVideoRecorderGrain : IGrainWithStringKey
{
    [Alias("GetEvents")]
    Task<List<VideoStreamEvent>> GetEvents();

    [Alias("GetDeliveries")]
    Task<int> GetDeliveries();
}

/// <summary>Stands in for the video grain: records, in arrival order, what its video's stream delivers.</summary>
[ImplicitStreamSubscription(StreamNames.VideoNamespace)]
public sealed class VideoRecorderGrain : Grain, IVideoRecorderGrain, IStreamSubscriptionObserver, IAsyncBatchObserver<VideoStreamEvent>
{
    private readonly List<VideoStreamEvent> _events = [];
    private int _deliveries;

    public Task<List<VideoStreamEvent>> GetEvents() => Task.FromResult(_events.ToList());

    public Task<int> GetDeliveries() => Task.FromResult(_deliveries);

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<VideoStreamEvent>().ResumeAsync(this);

    public Task OnNextAsync(IList<SequentialItem<VideoStreamEvent>> items)
    {
        _deliveries++;
        _events.AddRange(items.Select(i => i.Item));
        return Task.CompletedTask;
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}
