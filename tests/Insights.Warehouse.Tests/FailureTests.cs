namespace Insights.Warehouse.Tests;

using Insights.Lake;
using Insights.Warehouse.Schema;
using Insights.Warehouse.Sql;
using Insights.Warehouse.Targets;

/// <summary>Loads that stop half way keep whole files only, and the next load completes them exactly.</summary>
public sealed class FailureTests
{
    [Fact]
    public async Task A_crash_after_some_files_keeps_whole_files_and_a_retry_gives_exact_counts()
    {
        var lake = await ProcessedLake.Shared;
        using var work = lake.Copy();
        using var crash = new CancellationTokenSource();
        const int committedBeforeCrash = 5;
        var faults = new FaultInjection { OnCommitted = n => { if (n == committedBeforeCrash) { crash.Cancel(); } } };
        await using (var h = new Harness(work, inner => new FaultyTargetFactory(inner, faults)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Warehouse.LoadAsync(crash.Token));
            Assert.Equal(committedBeforeCrash, faults.Committed);
            Assert.True(faults.RolledBack <= 1);

            // Only whole files: every row belongs to a file of the manifest, and the manifest counts every row.
            Assert.Equal(committedBeforeCrash, await h.CountAsync("SELECT COUNT(*) FROM load_manifest"));
            await AssertConsistentAsync(h);
        }

        await using var retry = new Harness(work);
        var (result, _) = await retry.Warehouse.LoadAsync();

        Assert.Empty(result.Failures);
        Assert.Equal(lake.Files.Count - committedBeforeCrash, result.FilesLoaded);
        Assert.Equal(committedBeforeCrash, result.FilesUnchanged);
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
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(work.Root, "tmp")));
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

    public int Committed;
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
        private string? _file;
        private long _rows;
        private bool _committed;

        public async Task<long> ReplaceFileRowsAsync(
            WarehouseDataset dataset, string lakePath, DateTime loadedAt, bool previouslyLoaded, CancellationToken cancellationToken = default)
        {
            _file = lakePath;
            return _rows = await inner.ReplaceFileRowsAsync(dataset, lakePath, loadedAt, previouslyLoaded, cancellationToken);
        }

        public Task<long> DeleteFileRowsAsync(WarehouseDataset dataset, string lakePath, CancellationToken cancellationToken = default) =>
            inner.DeleteFileRowsAsync(dataset, lakePath, cancellationToken);
        public Task WriteManifestAsync(ManifestEntry entry, CancellationToken cancellationToken = default) => inner.WriteManifestAsync(entry, cancellationToken);
        public Task DeleteManifestAsync(string lakePath, CancellationToken cancellationToken = default) => inner.DeleteManifestAsync(lakePath, cancellationToken);
        public Task<int> ExtendDateDimensionAsync(CancellationToken cancellationToken = default) => inner.ExtendDateDimensionAsync(cancellationToken);

        public async Task CommitAsync(CancellationToken cancellationToken = default)
        {
            if (_file is not null && _file == faults.FailCommitOf)
            {
                faults.InsertedBeforeFailure = _rows;
                throw new InvalidOperationException("injected failure before commit");
            }

            await inner.CommitAsync(cancellationToken);
            _committed = true;
            if (_file is not null)
            {
                faults.OnCommitted?.Invoke(Interlocked.Increment(ref faults.Committed));
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (!_committed && _file is not null)
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
