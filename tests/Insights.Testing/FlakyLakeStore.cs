namespace Insights.Testing;

using Insights.Lake;

/// <summary>
/// An <see cref="ILakeStore"/> whose zones are <see cref="FlakyBlobStore"/>s over the inner lake's, so the zone
/// writers (which take a lake) can be put through an outage of one zone or of all.
/// </summary>
public sealed class FlakyLakeStore : ILakeStore
{
    private readonly Dictionary<LakeZone, FlakyBlobStore> _zones;

    public FlakyLakeStore(ILakeStore inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        Inner = inner;
        _zones = Enum.GetValues<LakeZone>().ToDictionary(zone => zone, zone => new FlakyBlobStore(inner.Zone(zone)));
    }

    public ILakeStore Inner { get; }

    public string Description => "flaky " + Inner.Description;

    public IBlobStore Zone(LakeZone zone) => Flaky(zone);

    public FlakyBlobStore Flaky(LakeZone zone) =>
        _zones.TryGetValue(zone, out var store) ? store : throw new ArgumentOutOfRangeException(nameof(zone));

    /// <summary>Every zone fails until <see cref="Recover"/>.</summary>
    public FlakyLakeStore Fail(FlakyMode mode = FlakyMode.BeforeCall, Func<BlobOperation, string, Exception>? outage = null)
    {
        foreach (var store in _zones.Values)
        {
            store.Fail(mode, outage);
        }

        return this;
    }

    public FlakyLakeStore Recover()
    {
        foreach (var store in _zones.Values)
        {
            store.Recover();
        }

        return this;
    }

    /// <summary>Attempts on all zones.</summary>
    public int Attempts => _zones.Values.Sum(store => store.Attempts);

    public int Failures => _zones.Values.Sum(store => store.Failures);
}
