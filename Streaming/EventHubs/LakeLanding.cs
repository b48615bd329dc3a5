namespace Insights.Streaming.EventHubs;

using Insights.Lake.Records;
using Insights.Lake.Zones;

/// <summary>
/// The raw and quarantine writers as the receivers of one silo share them. A flush before a commit writes what was
/// buffered when it was called (the writer's own guarantee), so other receivers adding rows meanwhile never hold it up.
/// </summary>
internal sealed class LakeLanding(RawZoneWriter raw, QuarantineWriter quarantine)
{
    public bool HasRoomFor(int rows) => raw.Writer.HasRoomFor(rows) && quarantine.Writer.HasRoomFor(rows);

    /// <summary>Adds rows whose room was checked.</summary>
    public Task AddAsync(IReadOnlyList<RawEventRecord> rawRows, IReadOnlyList<QuarantineRecord> poison)
    {
        if (poison.Count > 0)
        {
            quarantine.Writer.AddChecked(poison);
        }

        if (rawRows.Count > 0)
        {
            raw.Writer.AddChecked(rawRows);
        }

        return Task.CompletedTask;
    }

    /// <summary>Writes what the chosen writers buffer; false when that did not finish within <paramref name="timeout"/>.</summary>
    public async Task<bool> FlushAsync(bool flushRaw, bool flushQuarantine, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            if (flushQuarantine)
            {
                await quarantine.FlushAsync(cts.Token);
            }

            if (flushRaw)
            {
                await raw.FlushAsync(cts.Token);
            }

            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
