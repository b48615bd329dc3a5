namespace Insights.Api.Hosting;

using Insights.Configuration;

public static class OrleansClientExtensions
{
    /// <summary>Connects to the cluster described by <c>Insights:Cluster</c> and its stream provider.</summary>
    public static IHostApplicationBuilder AddInsightsOrleansClient(this IHostApplicationBuilder builder)
    {
        var cluster = builder.Configuration.GetSection(InsightsClusterOptions.SectionName).Get<InsightsClusterOptions>() ?? new();
        var streams = builder.Configuration.GetSection(InsightsStreamOptions.SectionName).Get<InsightsStreamOptions>() ?? new();
        builder.UseOrleansClient(client =>
        {
            switch (cluster.Provider)
            {
                case "Localhost":
                    client.UseLocalhostClustering(cluster.GatewayPort, cluster.ServiceId, cluster.ClusterId);
                    break;
                default:
                    throw new InvalidOperationException(
                        $"{InsightsClusterOptions.SectionName}:Provider '{cluster.Provider}' is not supported (use Localhost).");
            }

            client.AddInsightsStreams(streams);
            client.UseConnectionRetryFilter<RetryUntilClusterIsUp>();
        });
        return builder;
    }
}

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
