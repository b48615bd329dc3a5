namespace Insights.Sources.Tests.Support;

using Insights.Sources.TikTok;

/// <summary>
/// Keeps the source's state as its JSON document, as the poller grain does, so a "restarted" source (a new instance
/// over the same store) reads exactly what was saved and never shares the live object.
/// </summary>
internal sealed class MemoryStateStore : ITikTokStateStore
{
    private string? _document;

    public int Saves { get; private set; }

    /// <summary>The last document saved, or null.</summary>
    public string? Document => _document;

    public Task<TikTokState> LoadAsync(CancellationToken cancellationToken) => Task.FromResult(TikTokStateJson.Deserialize(_document));

    public Task SaveAsync(TikTokState state, CancellationToken cancellationToken)
    {
        _document = TikTokStateJson.Serialize(state);
        Saves++;
        return Task.CompletedTask;
    }
}
