namespace Insights.Lake.Zones;

using Insights.Lake.Records;
using Insights.Lake.Writing;
using Insights.Wire;

/// <summary>
/// The raw zone: every accepted event as received, as gzip JSON Lines under
/// <c>raw/{videos|comments|engagement}/date=YYYY-MM-DD/hour=HH/</c> by ingest time. JSON Lines rather than Parquet
/// because the zone must keep each payload byte for byte, whatever fields it carried, and needs no schema.
/// </summary>
public sealed class RawZoneWriter(ILakeStore lake, ZoneWriterFactory factory) : ILakeWriter
{
    private readonly ZoneWriter<RawEventRecord> _writer = factory.Create(
        "raw",
        lake.Zone(LakeZone.Raw),
        new JsonLinesGzipFormat<RawEventRecord>(LakeJsonContext.Default.RawEventRecord),
        r => (DatasetOf(r.Type), r.ReceivedAt));

    public ZoneWriter<RawEventRecord> Writer => _writer;

    /// <summary>All or nothing: false when the buffer is full (storage down), so the caller can answer "retry".</summary>
    public bool TryAdd(IReadOnlyList<RawEventRecord> records) => _writer.TryAdd(records);

    public Task FlushAsync(CancellationToken cancellationToken) => _writer.FlushAsync(cancellationToken);

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    public static string DatasetOf(string type) => type switch
    {
        WireFields.TypeVideo => "videos",
        WireFields.TypeComment => "comments",
        WireFields.TypeEngagement => "engagement",
        _ => throw new ArgumentException($"no raw dataset for event type '{type}'", nameof(type)),
    };
}
