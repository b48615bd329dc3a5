namespace Insights.Sources.TikTok;

/// <summary>
/// Where <see cref="TikTokSource"/> keeps its <see cref="TikTokState"/>: grain state of the cluster's one poller grain
/// in a host, memory in tests. The source saves after every page the ingest path has answered for, so a restart,
/// wherever it runs, resumes where the last delivered page ended.
/// </summary>
public interface ITikTokStateStore
{
    /// <summary>The saved state, or a new one when nothing was saved.</summary>
    Task<TikTokState> LoadAsync(CancellationToken cancellationToken);

    /// <summary>Saves <paramref name="state"/> durably before returning; the source goes on changing the same object.</summary>
    Task SaveAsync(TikTokState state, CancellationToken cancellationToken);
}
