namespace Insights.Sources.Tests;

using Insights.Sources.Hosting;
using Insights.Sources.Tests.Support;

public sealed class HostedServiceTests
{
    [Fact]
    public async Task A_source_that_fails_is_logged_and_started_again_and_stops_with_the_host()
    {
        var logs = new LogRecorder();
        var source = new FlakySource();
        var service = new EventSourcesHostedService([source], TimeProvider.System,
            new Microsoft.Extensions.Logging.Logger<EventSourcesHostedService>(logs)) { RestartDelay = TimeSpan.FromMilliseconds(10) };

        await service.StartAsync(CancellationToken.None);
        await source.SecondRun.Task.WaitAsync(TimeSpan.FromSeconds(5));
        await service.StopAsync(CancellationToken.None);

        Assert.Equal(2, source.Runs);
        Assert.Contains(logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error && e.Message.Contains("flaky", StringComparison.Ordinal));
        Assert.True(source.Stopped);
    }

    private sealed class FlakySource : IEventSource
    {
        public int Runs;
        public bool Stopped;
        public TaskCompletionSource SecondRun { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => "flaky";

        public async Task RunAsync(CancellationToken stoppingToken)
        {
            if (Interlocked.Increment(ref Runs) == 1)
            {
                throw new InvalidOperationException("boom");
            }

            SecondRun.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, stoppingToken);
            }
            finally
            {
                Stopped = true;
            }
        }
    }
}
