namespace Insights.Sources.Hosting;

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

/// <summary>
/// Runs every registered <see cref="IEventSource"/> side by side for the life of the host. A source that fails
/// unexpectedly is logged and started again after <see cref="RestartDelay"/>; it never stops the host.
/// </summary>
public sealed partial class EventSourcesHostedService(
    IEnumerable<IEventSource> sources, TimeProvider clock, ILogger<EventSourcesHostedService> logger) : BackgroundService
{
    public TimeSpan RestartDelay { get; init; } = TimeSpan.FromSeconds(30);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(sources.Select(source => RunAsync(source, stoppingToken)));

    private async Task RunAsync(IEventSource source, CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await source.RunAsync(stoppingToken);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogSourceFailed(source.Name, RestartDelay, ex);
                try
                {
                    await Task.Delay(RestartDelay, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Event source {Source} failed; starting it again in {Delay}")]
    private partial void LogSourceFailed(string source, TimeSpan delay, Exception ex);
}
