namespace Insights.Warehouse.Loading;

using System.Diagnostics;
using Insights.Lake;
using Insights.Warehouse.Schema;
using Insights.Warehouse.Targets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

/// <summary>
/// Loads the processed zone into the warehouse, idempotently. The manifest (<c>load_manifest</c>) remembers each
/// loaded file with its size and last-modified time:
/// <list type="bullet">
/// <item>a file not in the manifest is loaded; a file whose size or time changed (replay rewrote it) is reloaded,
/// its previous rows (<c>source_file</c>) deleted first; a file as remembered is left alone;</item>
/// <item>a file in the manifest that is no longer in the lake has its rows removed;</item>
/// <item>files are loaded in units of up to <see cref="IWarehouseTarget.MaxFilesPerTransaction"/> files of a dataset,
/// each unit one transaction (its files' rows, bridge rows and manifest entries), so a load stopped half way leaves
/// whole files only, and the next load picks up exactly what is missing;</item>
/// <item>a unit that fails is retried file by file; a file that fails alone is reported and skipped, the others
/// still load.</item>
/// </list>
/// Dimensions are single files replaced whole, so they reload as a unit when they change. dim_date is then
/// extended to cover every date present.
/// </summary>
public sealed class WarehouseLoader(IBlobStore processedZone, Func<IWarehouseTarget> targetFactory, TimeProvider? clock = null, ILogger? logger = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    public async Task<WarehouseLoadResult> LoadAsync(CancellationToken cancellationToken = default)
    {
        var started = _clock.GetUtcNow();
        var stopwatch = Stopwatch.StartNew();
        await using var target = targetFactory();
        await target.EnsureSchemaAsync(cancellationToken);
        var manifest = (await target.ReadManifestAsync(cancellationToken)).ToDictionary(e => e.FilePath, StringComparer.Ordinal);

        // Datasets sharing a folder (a day's four topic files) are listed once and told apart by file name.
        var files = new List<(BlobFile File, WarehouseDataset Dataset)>();
        foreach (var folder in WarehouseSchema.Datasets.GroupBy(d => d.LakePrefix, StringComparer.Ordinal))
        {
            await foreach (var file in processedZone.ListAsync(folder.Key, cancellationToken))
            {
                if (folder.FirstOrDefault(d => d.Contains(file.Path)) is { } dataset)
                {
                    files.Add((file, dataset));
                }
            }
        }

        var listed = files.Select(f => f.File.Path).ToHashSet(StringComparer.Ordinal);
        var tally = new Tally();
        var perTransaction = Math.Max(1, target.MaxFilesPerTransaction);

        // Removals first: after a replay the old files of a partition go before its new file comes in.
        var gone = manifest.Values.Where(e => !listed.Contains(e.FilePath)).OrderBy(e => e.FilePath, StringComparer.Ordinal)
            .GroupBy(e => WarehouseSchema.Datasets.FirstOrDefault(d => d.Name == e.Dataset) ?? WarehouseSchema.DatasetOf(e.FilePath));
        foreach (var group in gone)
        {
            foreach (var unit in group.Select(e => e.FilePath).Chunk(perTransaction))
            {
                await InUnitsAsync(unit, p => p, paths => RemoveAsync(target, group.Key, paths, tally, cancellationToken), tally, "removing the rows of", cancellationToken);
            }
        }

        foreach (var dataset in WarehouseSchema.Datasets)
        {
            var pending = new List<(BlobFile File, ManifestEntry? Known)>();
            foreach (var (file, _) in files.Where(f => f.Dataset == dataset))
            {
                var known = manifest.GetValueOrDefault(file.Path);
                if (known is not null && known.Matches(file))
                {
                    tally.Unchanged++;
                }
                else
                {
                    pending.Add((file, known));
                }
            }

            foreach (var unit in pending.Chunk(perTransaction))
            {
                await InUnitsAsync(unit, f => f.File.Path, batch => LoadAsync(target, dataset, batch, tally, cancellationToken), tally, "loading", cancellationToken);
            }
        }

        var datesAdded = 0;
        if (tally.Loaded > 0 || tally.Removed > 0)
        {
            await using var transaction = await target.BeginAsync(cancellationToken);
            datesAdded = await transaction.ExtendDateDimensionAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var result = new WarehouseLoadResult
        {
            Target = target.Description,
            StartedAt = started,
            Duration = stopwatch.Elapsed,
            FilesLoaded = tally.Loaded,
            FilesRemoved = tally.Removed,
            FilesUnchanged = tally.Unchanged,
            FilesSkipped = tally.Skipped,
            RowsLoaded = tally.RowsLoaded,
            RowsRemoved = tally.RowsRemoved,
            DatesAdded = datesAdded,
            Failures = tally.Failures,
            RowsByDataset = tally.ByDataset,
        };
        if (result.Changed || tally.Failures.Count > 0)
        {
            _logger.LogInformation(
                "Warehouse load into {Target}: {Loaded} files ({Rows} rows) loaded, {Removed} removed, {Unchanged} unchanged, {Failed} failed in {Duration}",
                result.Target, tally.Loaded, tally.RowsLoaded, tally.Removed, tally.Unchanged, tally.Failures.Count, result.Duration);
        }

        return result;
    }

    /// <summary>
    /// Runs <paramref name="work"/> on the whole unit (one transaction); if that fails and the unit has several files,
    /// on each file alone, so one bad file costs only itself: the others load, it is reported (or skipped if it
    /// vanished), and the rolled-back unit left nothing behind.
    /// </summary>
    private async Task InUnitsAsync<T>(
        IReadOnlyList<T> unit, Func<T, string> pathOf, Func<IReadOnlyList<T>, Task> work, Tally tally, string action, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            await work(unit);
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException && unit.Count > 1)
        {
            _logger.LogWarning(ex, "Warehouse: {Action} {Count} files as one unit failed; each file on its own now", action, unit.Count);
        }
        catch (LakeFileVanishedException)
        {
            tally.Skipped++;
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            tally.Fail(pathOf(unit[0]), ex);
            _logger.LogError(ex, "Warehouse: {Action} {File} failed; the next load tries again", action, pathOf(unit[0]));
            return;
        }

        foreach (var single in unit)
        {
            await InUnitsAsync([single], pathOf, work, tally, action, cancellationToken);
        }
    }

    private async Task RemoveAsync(IWarehouseTarget target, WarehouseDataset? dataset, IReadOnlyList<string> paths, Tally tally, CancellationToken cancellationToken)
    {
        await using var transaction = await target.BeginAsync(cancellationToken);
        var rows = dataset is null ? 0 : await transaction.DeleteFilesRowsAsync(dataset, paths, cancellationToken);
        await transaction.DeleteManifestAsync(paths, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        tally.Removed += paths.Count;
        tally.RowsRemoved += rows;
        _logger.LogInformation("Warehouse: removed the rows of {Files}, gone from the lake", string.Join(", ", paths));
    }

    private async Task LoadAsync(
        IWarehouseTarget target, WarehouseDataset dataset, IReadOnlyList<(BlobFile File, ManifestEntry? Known)> unit, Tally tally, CancellationToken cancellationToken)
    {
        var loadedAt = ManifestEntry.Normalize(_clock.GetUtcNow());
        await using var transaction = await target.BeginAsync(cancellationToken);
        var rows = await transaction.ReplaceFilesRowsAsync(
            dataset, unit.Select(f => new FileLoad(f.File.Path, f.Known is not null)).ToList(), loadedAt, cancellationToken);
        var entries = unit.Select(f => new ManifestEntry(
                f.File.Path, dataset.Name, f.File.Size, ManifestEntry.Normalize(f.File.LastModified), rows[f.File.Path], loadedAt))
            .ToList();
        await transaction.WriteManifestAsync(entries, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        tally.Loaded += unit.Count;
        tally.RowsLoaded += entries.Sum(e => e.RowCount);
        tally.RowsRemoved += unit.Sum(f => f.Known?.RowCount ?? 0);
        tally.ByDataset[dataset.Name] = tally.ByDataset.GetValueOrDefault(dataset.Name) + entries.Sum(e => e.RowCount);
        _logger.LogDebug("Warehouse: loaded {Files} files of {Dataset}: {Rows} rows", unit.Count, dataset.Name, entries.Sum(e => e.RowCount));
    }

    /// <summary>What a load did so far.</summary>
    private sealed class Tally
    {
        public int Loaded;
        public int Removed;
        public int Unchanged;
        public int Skipped;
        public long RowsLoaded;
        public long RowsRemoved;
        public readonly Dictionary<string, long> ByDataset = new(StringComparer.Ordinal);
        public readonly List<string> Failures = [];

        public void Fail(string path, Exception ex) => Failures.Add($"{path}: {ex.Message}");
    }
}
