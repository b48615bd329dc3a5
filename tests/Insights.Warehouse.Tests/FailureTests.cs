namespace Insights.Warehouse.Tests;

using Insights.Lake;
using Insights.Lake.Records;
using Insights.Lake.Writing;
using Insights.Warehouse.Schema;
using Insights.Warehouse.Sql;
using Insights.Warehouse.Targets;

/// <summary>Loads that stop half way keep whole files only, and the next load completes them exactly.</summary>
public sealed class FailureTests
{
    [Fact]
    public async Task A_crash_after_some_units_keeps_whole_files_and_a_retry_gives_exact_counts()
    {
        var lake = await ProcessedLake.Shared;
        using var work = lake.Copy();
        using var crash = new CancellationTokenSource();
        const int committedBeforeCrash = 3;
        var faults = new FaultInjection { OnCommitted = n => { if (n == committedBeforeCrash) { crash.Cancel(); } } };
        var twoFilesPerUnit = new Dictionary<string, string?> { ["Insights:Warehouse:DuckDbFilesPerTransaction"] = "2" };
        await using (var h = new Harness(work, inner => new FaultyTargetFactory(inner, faults), settings: twoFilesPerUnit))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Warehouse.LoadAsync(crash.Token));
            Assert.Equal(committedBeforeCrash, faults.Committed);
            Assert.True(faults.FilesCommitted > committedBeforeCrash, $"{faults.FilesCommitted} files in {faults.Committed} units: some units held two files");
            Assert.True(faults.RolledBack <= 1);

            // Only whole files: every row belongs to a file of the manifest, and the manifest counts every row.
            Assert.Equal(faults.FilesCommitted, await h.CountAsync("SELECT COUNT(*) FROM load_manifest"));
            await AssertConsistentAsync(h);
        }

        await using var retry = new Harness(work);
        var (result, _) = await retry.Warehouse.LoadAsync();

        Assert.Empty(result.Failures);
        Assert.Equal(lake.Files.Count - faults.FilesCommitted, result.FilesLoaded);
        Assert.Equal(faults.FilesCommitted, result.FilesUnchanged);
        await AssertCompleteAsync(retry, lake);
    }

    [Fact]
    public async Task A_file_failing_before_its_commit_leaves_none_of_its_rows_and_is_retried()
    {
        var lake = await ProcessedLake.Shared;
        using var work = lake.Copy();
        var failing = lake.Files.Where(f => f.StartsWith("comments/", StringComparison.Ordinal)).OrderBy(f => f, StringComparer.Ordinal).ElementAt(1);
        var faults = new FaultInjection { FailCommitOf = failing };
        await using (var h = new Harness(work, inner => new FaultyTargetFactory(inner, faults)))
        {
            var (result, _) = await h.Warehouse.LoadAsync();

            Assert.Equal(failing + ": injected failure before commit", Assert.Single(result.Failures));
            Assert.Equal(lake.Files.Count - 1, result.FilesLoaded);
            Assert.True(faults.InsertedBeforeFailure > 0, "the failing file's rows were inserted before the failure");
            Assert.Equal(2, faults.RolledBack); // its unit of several comment files, then the file alone
            Assert.Equal(0, await h.CountAsync($"SELECT COUNT(*) FROM fact_comment WHERE source_file = '{failing}'"));
            Assert.Equal(0, await h.CountAsync($"SELECT COUNT(*) FROM load_manifest WHERE file_path = '{failing}'"));
            await AssertConsistentAsync(h);
        }

        await using var retry = new Harness(work);
        var (again, _) = await retry.Warehouse.LoadAsync();

        Assert.Equal(1, again.FilesLoaded);
        Assert.Equal(faults.InsertedBeforeFailure, again.RowsLoaded);
        await AssertCompleteAsync(retry, lake);
    }

    [Fact]
    public async Task A_corrupt_file_among_many_fails_alone_and_half_of_it_is_nowhere()
    {
        var lake = await ProcessedLake.Shared;
        using var work = lake.Copy();
        var comments = lake.Files.Where(f => f.StartsWith("comments/", StringComparison.Ordinal)).OrderBy(f => f, StringComparer.Ordinal).ToList();
        Assert.True(comments.Count >= 3, $"{comments.Count} comment files");
        var corrupt = comments[1];
        var good = (await work.Processed.ReadAsync(corrupt))!;
        await work.Processed.WriteAsync(corrupt, good.AsMemory(0, good.Length / 2)); // a torn write: no footer
        var faults = new FaultInjection();
        await using (var h = new Harness(work, inner => new FaultyTargetFactory(inner, faults)))
        {
            var (result, _) = await h.Warehouse.LoadAsync();

            Assert.StartsWith(corrupt + ": ", Assert.Single(result.Failures), StringComparison.Ordinal);
            Assert.Equal(lake.Files.Count - 1, result.FilesLoaded);
            Assert.Equal(lake.Files.Count - 1, faults.FilesCommitted);
            Assert.Equal(0, await h.CountAsync($"SELECT COUNT(*) FROM fact_comment WHERE source_file = '{corrupt}'"));
            Assert.Equal(0, await h.CountAsync($"SELECT COUNT(*) FROM load_manifest WHERE file_path = '{corrupt}'"));
            var corruptRows = (await ParquetFormat<CommentRow>.ReadAsync(good)).Count;
            Assert.Equal(lake.Comments.Count - corruptRows, await h.CountAsync("SELECT COUNT(*) FROM fact_comment"));
            await AssertConsistentAsync(h);
        }

        // Repaired, it loads alone, and nothing is counted twice.
        await work.Processed.WriteAsync(corrupt, good);
        await using var retry = new Harness(work);
        var (again, _) = await retry.Warehouse.LoadAsync();

        Assert.Empty(again.Failures);
        Assert.Equal(1, again.FilesLoaded);
        await AssertCompleteAsync(retry, lake);
    }

    [Fact]
    public async Task A_lake_that_is_not_a_local_folder_is_loaded_from_temporary_copies()
    {
        var lake = await ProcessedLake.Shared;
        using var work = lake.Copy();
        var remote = new RemoteLake(work.Lake);
        await using var h = new Harness(work, lake: remote);

        var (result, _) = await h.Warehouse.LoadAsync();

        Assert.Empty(result.Failures);
        Assert.Equal(lake.Files.Count, remote.Reads);
        await AssertCompleteAsync(h, lake);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(work.Root, "tmp")));
    }

    private static async Task AssertConsistentAsync(Harness h)
    {
        foreach (var table in new[] { WarehouseSchema.FactComment, WarehouseSchema.FactVideoSnapshot, WarehouseSchema.DimVideo, WarehouseSchema.DimCreator })
        {
            Assert.Equal(0, await h.CountAsync(
                $"SELECT COUNT(*) FROM {table.Name} WHERE source_file NOT IN (SELECT file_path FROM load_manifest)"));
            var dataset = WarehouseSchema.Datasets.Single(d => d.Table == table);
            Assert.Equal(
                await h.CountAsync($"SELECT COALESCE(SUM(row_count), 0) FROM load_manifest WHERE dataset = '{dataset.Name}'"),
                await h.CountAsync($"SELECT COUNT(*) FROM {table.Name}"));
        }
    }

    private static async Task AssertCompleteAsync(Harness h, ProcessedLake lake)
    {
        await AssertConsistentAsync(h);
        Assert.Equal(lake.Dataset.Truth.Totals.DistinctComments, await h.CountAsync("SELECT COUNT(*) FROM fact_comment"));
        Assert.Equal(lake.Dataset.Truth.Totals.DistinctComments, await h.CountAsync("SELECT COUNT(DISTINCT comment_id) FROM fact_comment"));
        Assert.Equal(lake.Snapshots.Count, await h.CountAsync("SELECT COUNT(*) FROM fact_video_snapshot"));
        Assert.Equal(lake.Dataset.Truth.Totals.Videos, await h.CountAsync("SELECT COUNT(*) FROM dim_video"));
        Assert.Equal(lake.Files.Count, await h.CountAsync("SELECT COUNT(*) FROM load_manifest"));
    }
}

/// <summary>What to break, and what happened.</summary>
public sealed class FaultInjection
{
    /// <summary>Called after each successful commit with the number of commits so far.</summary>
    public Action<int>? OnCommitted { get; init; }

    /// <summary>The lake file whose transaction throws just before its commit, after its rows went in.</summary>
    public string? FailCommitOf { get; init; }

    /// <summary>Committed units (transactions that loaded files).</summary>
    public int Committed;

    /// <summary>Files in the committed units.</summary>
    public int FilesCommitted;

    public int RolledBack;
    public long InsertedBeforeFailure;
}

/// <summary>A target decorator that injects failures into file transactions.</summary>
public sealed class FaultyTargetFactory(IWarehouseTargetFactory inner, FaultInjection faults) : IWarehouseTargetFactory
{
    public IWarehouseTarget Create() => new Target(inner.Create(), faults);

    private sealed class Target(IWarehouseTarget inner, FaultInjection faults) : IWarehouseTarget
    {
        public string Description => inner.Description;
        public SqlDialect Dialect => inner.Dialect;
        public int MaxFilesPerTransaction => inner.MaxFilesPerTransaction;
        public Task EnsureSchemaAsync(CancellationToken cancellationToken = default) => inner.EnsureSchemaAsync(cancellationToken);
        public Task<IReadOnlyList<ManifestEntry>> ReadManifestAsync(CancellationToken cancellationToken = default) => inner.ReadManifestAsync(cancellationToken);
        public async Task<IWarehouseTransaction> BeginAsync(CancellationToken cancellationToken = default) => new Transaction(await inner.BeginAsync(cancellationToken), faults);
        public Task ExecuteAsync(IReadOnlyList<string> statements, CancellationToken cancellationToken = default) => inner.ExecuteAsync(statements, cancellationToken);
        public Task<QueryResult> QueryAsync(string sql, IReadOnlyDictionary<string, object?>? parameters = null, CancellationToken cancellationToken = default) =>
            inner.QueryAsync(sql, parameters, cancellationToken);
        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }

    private sealed class Transaction(IWarehouseTransaction inner, FaultInjection faults) : IWarehouseTransaction
    {
        private IReadOnlyDictionary<string, long> _rows = new Dictionary<string, long>();
        private bool _committed;

        public async Task<IReadOnlyDictionary<string, long>> ReplaceFilesRowsAsync(
            WarehouseDataset dataset, IReadOnlyList<FileLoad> files, DateTime loadedAt, CancellationToken cancellationToken = default) =>
            _rows = await inner.ReplaceFilesRowsAsync(dataset, files, loadedAt, cancellationToken);

        public Task<long> DeleteFilesRowsAsync(WarehouseDataset dataset, IReadOnlyList<string> lakePaths, CancellationToken cancellationToken = default) =>
            inner.DeleteFilesRowsAsync(dataset, lakePaths, cancellationToken);
        public Task WriteManifestAsync(IReadOnlyList<ManifestEntry> entries, CancellationToken cancellationToken = default) => inner.WriteManifestAsync(entries, cancellationToken);
        public Task DeleteManifestAsync(IReadOnlyList<string> lakePaths, CancellationToken cancellationToken = default) => inner.DeleteManifestAsync(lakePaths, cancellationToken);
        public Task<int> ExtendDateDimensionAsync(CancellationToken cancellationToken = default) => inner.ExtendDateDimensionAsync(cancellationToken);

        public async Task CommitAsync(CancellationToken cancellationToken = default)
        {
            if (faults.FailCommitOf is { } failing && _rows.TryGetValue(failing, out var rows))
            {
                faults.InsertedBeforeFailure = rows;
                throw new InvalidOperationException("injected failure before commit");
            }

            await inner.CommitAsync(cancellationToken);
            _committed = true;
            if (_rows.Count > 0)
            {
                Interlocked.Add(ref faults.FilesCommitted, _rows.Count);
                var committed = Interlocked.Increment(ref faults.Committed);
                faults.OnCommitted?.Invoke(committed);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (!_committed && _rows.Count > 0)
            {
                Interlocked.Increment(ref faults.RolledBack);
            }

            await inner.DisposeAsync();
        }
    }
}

/// <summary>The lake seen through the blob store only (as Azure Blob would be): the loader must download files.</summary>
public sealed class RemoteLake(ILakeStore inner) : ILakeStore
{
    public int Reads;

    public string Description => "remote " + inner.Description;

    public IBlobStore Zone(LakeZone zone) => new Store(inner.Zone(zone), this);

    private sealed class Store(IBlobStore inner, RemoteLake owner) : IBlobStore
    {
        public Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) => inner.WriteAsync(path, content, cancellationToken);
        public Task<bool> TryCreateAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) => inner.TryCreateAsync(path, content, cancellationToken);

        public Task<byte[]?> ReadAsync(string path, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref owner.Reads);
            return inner.ReadAsync(path, cancellationToken);
        }

        public IAsyncEnumerable<BlobFile> ListAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);
        public Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default) => inner.DeleteAsync(path, cancellationToken);
    }
}
