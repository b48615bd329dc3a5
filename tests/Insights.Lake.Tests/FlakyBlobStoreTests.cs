namespace Insights.Lake.Tests;

using System.Text;
using global::Azure;
using Insights.Lake.Local;

public sealed class FlakyBlobStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "insights-flaky-" + Guid.NewGuid().ToString("N"));
    private readonly LocalFolderBlobStore _inner;
    private readonly FlakyBlobStore _store;

    public FlakyBlobStoreTests()
    {
        _inner = new LocalFolderBlobStore(_root);
        _store = new FlakyBlobStore(_inner);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static async Task<List<BlobFile>> ListAsync(IBlobStore store, string prefix)
    {
        var files = new List<BlobFile>();
        await foreach (var file in store.ListAsync(prefix))
        {
            files.Add(file);
        }

        return files;
    }

    [Fact]
    public async Task Passes_everything_through_while_healthy_and_counts_attempts()
    {
        await _store.WriteAsync("a/b", Utf8("x"));
        Assert.True(await _store.TryCreateAsync("a/c", Utf8("y")));
        Assert.Equal(Utf8("x"), await _store.ReadAsync("a/b"));
        Assert.Equal(2, (await ListAsync(_store, "a/")).Count);
        Assert.True(await _store.DeleteAsync("a/c"));

        Assert.Equal(5, _store.Attempts);
        Assert.Equal(0, _store.Failures);
        Assert.Equal(1, _store.AttemptsOf(BlobOperation.Write));
        Assert.Equal(1, _store.AttemptsOf(BlobOperation.List));
        Assert.False(_store.IsFailing);
    }

    [Fact]
    public async Task During_an_outage_every_call_fails_like_azure_and_nothing_reaches_the_store()
    {
        await _inner.WriteAsync("kept", Utf8("old"));
        _store.Fail();

        var write = await Assert.ThrowsAsync<RequestFailedException>(() => _store.WriteAsync("kept", Utf8("new")));
        Assert.Equal(503, write.Status);
        await Assert.ThrowsAsync<RequestFailedException>(() => _store.TryCreateAsync("created", Utf8("x")));
        await Assert.ThrowsAsync<RequestFailedException>(() => _store.ReadAsync("kept"));
        await Assert.ThrowsAsync<RequestFailedException>(() => ListAsync(_store, ""));
        await Assert.ThrowsAsync<RequestFailedException>(() => _store.DeleteAsync("kept"));

        Assert.Equal(5, _store.Attempts);
        Assert.Equal(5, _store.Failures);
        Assert.Equal(Utf8("old"), await _inner.ReadAsync("kept"));
        Assert.Null(await _inner.ReadAsync("created"));

        _store.Recover();
        Assert.Equal(Utf8("old"), await _store.ReadAsync("kept"));
        Assert.Equal(6, _store.Attempts);
        Assert.Equal(5, _store.Failures);
    }

    [Fact]
    public async Task After_call_outages_apply_the_write_but_lose_the_answer()
    {
        _store.Fail(FlakyMode.AfterCall, FlakyBlobStore.Outages.Unreachable);
        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => _store.TryCreateAsync("landed", Utf8("x")));
        Assert.Equal(0, ex.Status);
        Assert.IsType<HttpRequestException>(ex.InnerException);

        _store.Recover();
        Assert.False(await _store.TryCreateAsync("landed", Utf8("again")));
        Assert.Equal(Utf8("x"), await _store.ReadAsync("landed"));
    }

    [Fact]
    public async Task FailNext_fails_a_few_calls_then_recovers_by_itself()
    {
        _store.FailNext(2, outage: FlakyBlobStore.Outages.DiskFailure);
        await Assert.ThrowsAsync<IOException>(() => _store.WriteAsync("a", Utf8("1")));
        Assert.True(_store.IsFailing);
        await Assert.ThrowsAsync<IOException>(() => _store.WriteAsync("a", Utf8("1")));
        Assert.False(_store.IsFailing);
        await _store.WriteAsync("a", Utf8("1"));

        Assert.Equal(3, _store.AttemptsOf(BlobOperation.Write));
        Assert.Equal(2, _store.Failures);
        _store.ResetCounts();
        Assert.Equal(0, _store.Attempts);
    }

    [Fact]
    public async Task A_flaky_lake_fails_one_zone_or_all()
    {
        var lake = new FlakyLakeStore(new LocalFolderLakeStore(Path.Combine(_root, "lake")));
        lake.Flaky(LakeZone.Raw).Fail();
        await Assert.ThrowsAsync<RequestFailedException>(() => lake.Zone(LakeZone.Raw).WriteAsync("a", Utf8("1")));
        await lake.Zone(LakeZone.Processed).WriteAsync("a", Utf8("1"));

        lake.Fail();
        await Assert.ThrowsAsync<RequestFailedException>(() => lake.Zone(LakeZone.Processed).ReadAsync("a"));
        lake.Recover();
        Assert.Equal(Utf8("1"), await lake.Zone(LakeZone.Processed).ReadAsync("a"));
        Assert.Null(await lake.Inner.Zone(LakeZone.Raw).ReadAsync("a"));

        Assert.Equal(4, lake.Attempts);
        Assert.Equal(2, lake.Failures);
        Assert.StartsWith("flaky folder ", lake.Description);
    }
}
