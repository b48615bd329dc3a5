namespace Insights.ClusterHosting;

using Microsoft.Extensions.Logging;

/// <summary>The API may start before the silo: keep trying to connect rather than failing the process.</summary>
internal sealed partial class RetryUntilClusterIsUp(ILogger<RetryUntilClusterIsUp> logger) : IClientConnectionRetryFilter
{
    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        LogRetry(exception.Message);
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cluster not reachable yet ({Reason}); retrying")]
    private partial void LogRetry(string reason);
}
