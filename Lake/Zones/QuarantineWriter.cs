namespace Insights.Lake.Zones;

using Insights.Lake.Records;
using Insights.Lake.Writing;

/// <summary>
/// The quarantine zone: refused events with their payload and reason, as gzip JSON Lines under
/// <c>quarantine/{ingest|grain}/date=YYYY-MM-DD/hour=HH/</c>.
/// </summary>
public sealed class QuarantineWriter(ILakeStore lake, ZoneWriterFactory factory) : ILakeWriter
{
    private readonly ZoneWriter<QuarantineRecord> _writer = factory.Create(
        "quarantine",
        lake.Zone(LakeZone.Quarantine),
        new JsonLinesGzipFormat<QuarantineRecord>(LakeJsonContext.Default.QuarantineRecord),
        r => (r.Stage, r.ReceivedAt));

    public ZoneWriter<QuarantineRecord> Writer => _writer;

    public static string NewId() => "q-" + Guid.NewGuid().ToString("N");

    public bool TryAdd(IReadOnlyList<QuarantineRecord> records) => _writer.TryAdd(records);

    public ValueTask AddAsync(QuarantineRecord record, CancellationToken cancellationToken = default) =>
        _writer.AddAsync([record], cancellationToken);

    public Task FlushAsync(CancellationToken cancellationToken) => _writer.FlushAsync(cancellationToken);

    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}
