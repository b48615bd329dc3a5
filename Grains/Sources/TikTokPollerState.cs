namespace Insights.Grains.Sources;

/// <summary>
/// The poller grain's persisted state: the TikTok source's state as its JSON document (<c>TikTokStateJson</c>). A
/// document rather than Orleans-serialized types, so the Sources library stays free of Orleans and the saved state
/// reads the same whatever serializer the grain storage uses.
/// </summary>
[GenerateSerializer, Alias("insights.TikTokPollerState")]
public sealed class TikTokPollerState
{
    [Id(0)] public string? Document { get; set; }
}
