namespace Insights.Lake.Hosting;

using Insights.Lake.Writing;
using Microsoft.Extensions.Hosting;

/// <summary>
/// Writes every buffered row when the host stops. Registered before Orleans so that it stops after the silo, whose
/// grains add their last rows while they deactivate.
/// </summary>
public sealed class LakeFlushService(IEnumerable<ILakeWriter> writers) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(writers.Select(w => w.FlushAsync(cancellationToken)));
}
