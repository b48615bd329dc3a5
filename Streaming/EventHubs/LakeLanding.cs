namespace Insights.Streaming.EventHubs;

using Insights.Lake.Records;
using Insights.Lake.Zones;

/// <summary>
/// The raw and quarantine writers as the receivers of one silo share them. A writer's flush returns only once nothing
/// is buffered at all, so while one receiver flushes before its commit, the others wait to add rows: otherwise a
/// busy partition could keep another's flush (and so its commit) from ever finishing.
/// </summary>
internal sealed class LakeLanding(RawZoneWriter raw, QuarantineWriter quarantine)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public bool HasRoomFor(int rows) => raw.Writer.HasRoomFor(rows) && quarantine.Writer.HasRoomFor(rows);

    /// <summary>Adds rows whose room was checked; waits only for a flush in progress (which is bounded).</summary>
    public async Task AddAsync(IReadOnlyList<RawEventRecord> rawRows, IReadOnlyList<QuarantineRecord> poison)
    {
        if (rawRows.Count == 0 && poison.Count == 0)
        {
            return;
        }

        await _gate.WaitAsync();
        try
        {
            quarantine.Writer.AddChecked(poison);
            raw.Writer.AddChecked(rawRows);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Writes what the chosen writers buffer; false when that did not finish within <paramref name="timeout"/>.</summary>
    public async Task<bool> FlushAsync(bool flushRaw, bool flushQuarantine, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            await _gate.WaitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }

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
        finally
        {
            _gate.Release();
        }
    }
}
