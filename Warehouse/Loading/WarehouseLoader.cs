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
/// <item>each file is one transaction (its rows, its bridge rows, its manifest entry), so a load stopped half way
/// leaves whole files only, and the next load picks up exactly what is missing;</item>
/// <item>a file that fails is reported and skipped; the others still load.</item>
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

        var files = new List<(BlobFile File, WarehouseDataset Dataset)>();
        foreach (var dataset in WarehouseSchema.Datasets)
        {
            await foreach (var file in processedZone.ListAsync(dataset.LakePrefix, cancellationToken))
            {
                if (dataset.Contains(file.Path))
                {
                    files.Add((file, dataset));
                }
            }
        }

        var listed = files.Select(f => f.File.Path).ToHashSet(StringComparer.Ordinal);
        int loaded = 0, removed = 0, unchanged = 0, skipped = 0;
        long rowsLoaded = 0, rowsRemoved = 0;
        var byDataset = new Dictionary<string, long>(StringComparer.Ordinal);
        var failures = new List<string>();

        // Removals first: after a replay the old files of a partition go before its new file comes in.
        foreach (var entry in manifest.Values.Where(e => !listed.Contains(e.FilePath)).OrderBy(e => e.FilePath, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await using var transaction = await target.BeginAsync(cancellationToken);
                var dataset = WarehouseSchema.Datasets.FirstOrDefault(d => d.Name == entry.Dataset) ?? WarehouseSchema.DatasetOf(entry.FilePath);
                if (dataset is not null)
                {
                    rowsRemoved += await transaction.DeleteFileRowsAsync(dataset, entry.FilePath, cancellationToken);
                }

                await transaction.DeleteManifestAsync(entry.FilePath, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                removed++;
                _logger.LogInformation("Warehouse: removed the rows of {File}, gone from the lake", entry.FilePath);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failures.Add($"{entry.FilePath}: {ex.Message}");
                _logger.LogError(ex, "Warehouse: removing the rows of {File} failed", entry.FilePath);
            }
        }

        foreach (var (file, dataset) in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            manifest.TryGetValue(file.Path, out var known);
            if (known is not null && known.Matches(file))
            {
                unchanged++;
                continue;
            }

            try
            {
                var loadedAt = ManifestEntry.Normalize(_clock.GetUtcNow());
                await using var transaction = await target.BeginAsync(cancellationToken);
                var rows = await transaction.ReplaceFileRowsAsync(dataset, file.Path, loadedAt, previouslyLoaded: known is not null, cancellationToken);
                await transaction.WriteManifestAsync(
                    new ManifestEntry(file.Path, dataset.Name, file.Size, ManifestEntry.Normalize(file.LastModified), rows, loadedAt), cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                loaded++;
                rowsLoaded += rows;
                rowsRemoved += known?.RowCount ?? 0;
                byDataset[dataset.Name] = byDataset.GetValueOrDefault(dataset.Name) + rows;
                _logger.LogDebug("Warehouse: {Action} {File}: {Rows} rows", known is null ? "loaded" : "reloaded", file.Path, rows);
            }
            catch (LakeFileVanishedException)
            {
                skipped++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failures.Add($"{file.Path}: {ex.Message}");
                _logger.LogError(ex, "Warehouse: loading {File} failed; the next load tries again", file.Path);
            }
        }

        var datesAdded = 0;
        if (loaded > 0 || removed > 0)
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
            FilesLoaded = loaded,
            FilesRemoved = removed,
            FilesUnchanged = unchanged,
            FilesSkipped = skipped,
            RowsLoaded = rowsLoaded,
            RowsRemoved = rowsRemoved,
            DatesAdded = datesAdded,
            Failures = failures,
            RowsByDataset = byDataset,
        };
        if (result.Changed || failures.Count > 0)
        {
            _logger.LogInformation(
                "Warehouse load into {Target}: {Loaded} files ({Rows} rows) loaded, {Removed} removed, {Unchanged} unchanged, {Failed} failed in {Duration}",
                result.Target, loaded, rowsLoaded, removed, unchanged, failures.Count, result.Duration);
        }

        return result;
    }
}
