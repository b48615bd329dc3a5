namespace Insights.Sources;

/// <summary>
/// A feed of events from outside Insights (TikTok's Research API today; a queue, another platform's API tomorrow).
/// A source collects on its own schedule and hands what it collects to an <see cref="IEventSink"/>; the host runs
/// every registered source (<see cref="Hosting.EventSourcesHostedService"/>).
/// </summary>
public interface IEventSource
{
    /// <summary>Short stable name (<c>tiktok</c>): the <c>source</c> tag of metrics and the scope of logs.</summary>
    string Name { get; }

    /// <summary>Collects and sends events until <paramref name="stoppingToken"/> is cancelled.</summary>
    Task RunAsync(CancellationToken stoppingToken);
}
