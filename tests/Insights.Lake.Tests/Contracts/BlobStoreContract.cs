namespace Insights.Lake.Tests.Contracts;

using System.Text;

/// <summary>
/// What every <see cref="IBlobStore"/> backend must do, run against each (local folder, Azure Blob on Azurite).
/// Each test gets a fresh, empty store.
/// </summary>
public abstract class BlobStoreContract : IAsyncLifetime
{
    private IBlobStore? _store;

    protected IBlobStore Store => _store ?? throw new InvalidOperationException("store not created");

    /// <summary>A new, empty store of the backend under test.</summary>
    protected abstract Task<IBlobStore> CreateStoreAsync();

    protected virtual Task DeleteStoreAsync() => Task.CompletedTask;

    public async Task InitializeAsync() => _store = await CreateStoreAsync();

    public Task DisposeAsync() => DeleteStoreAsync();

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private async Task<List<BlobFile>> ListAsync(string prefix)
    {
        var files = new List<BlobFile>();
        await foreach (var file in Store.ListAsync(prefix))
        {
            files.Add(file);
        }

        return files;
    }

    private async Task<List<string>> PathsAsync(string prefix) => (await ListAsync(prefix)).Select(f => f.Path).ToList();

    [Fact]
    public async Task Written_content_reads_back_and_a_second_write_replaces_it()
    {
        await Store.WriteAsync("raw/comments/date=2026-11-24/part-0001.jsonl", Utf8("first"));
        Assert.Equal(Utf8("first"), await Store.ReadAsync("raw/comments/date=2026-11-24/part-0001.jsonl"));

        await Store.WriteAsync("raw/comments/date=2026-11-24/part-0001.jsonl", Utf8("second, longer"));
        Assert.Equal(Utf8("second, longer"), await Store.ReadAsync("raw/comments/date=2026-11-24/part-0001.jsonl"));

        await Store.WriteAsync("raw/comments/date=2026-11-24/part-0001.jsonl", Utf8("3"));
        Assert.Equal(Utf8("3"), await Store.ReadAsync("raw/comments/date=2026-11-24/part-0001.jsonl"));
        Assert.Single(await ListAsync(""));
    }

    [Fact]
    public async Task Reading_a_missing_file_gives_null_not_an_error()
    {
        Assert.Null(await Store.ReadAsync("nothing-here"));
        Assert.Null(await Store.ReadAsync("no/such/folder/file.json"));
        await Store.WriteAsync("a/b", Utf8("x"));
        Assert.Null(await Store.ReadAsync("a/c"));
        Assert.Null(await Store.ReadAsync("a/b/c"));
    }

    [Fact]
    public async Task TryCreate_creates_once_and_then_leaves_the_file_alone()
    {
        Assert.True(await Store.TryCreateAsync("videos/v1/snapshot.parquet", Utf8("one")));
        Assert.False(await Store.TryCreateAsync("videos/v1/snapshot.parquet", Utf8("two")));
        Assert.False(await Store.TryCreateAsync("videos/v1/snapshot.parquet", Utf8("one")));
        Assert.Equal(Utf8("one"), await Store.ReadAsync("videos/v1/snapshot.parquet"));

        await Store.WriteAsync("videos/v2/snapshot.parquet", Utf8("written"));
        Assert.False(await Store.TryCreateAsync("videos/v2/snapshot.parquet", Utf8("created")));
        Assert.Equal(Utf8("written"), await Store.ReadAsync("videos/v2/snapshot.parquet"));
    }

    [Fact]
    public async Task TryCreate_after_a_delete_creates_again()
    {
        Assert.True(await Store.TryCreateAsync("a/b", Utf8("1")));
        Assert.True(await Store.DeleteAsync("a/b"));
        Assert.True(await Store.TryCreateAsync("a/b", Utf8("2")));
        Assert.Equal(Utf8("2"), await Store.ReadAsync("a/b"));
    }

    [Fact]
    public async Task Concurrent_TryCreate_of_one_path_has_exactly_one_winner_whose_content_stays()
    {
        for (var round = 0; round < 10; round++)
        {
            var path = $"race/round={round}/file.bin";
            var contenders = Enumerable.Range(0, 2)
                .Select(i => Task.Run(() => Store.TryCreateAsync(path, Utf8($"contender {i}"))))
                .ToArray();
            var results = await Task.WhenAll(contenders);

            Assert.Equal(1, results.Count(won => won));
            var winner = Array.IndexOf(results, true);
            Assert.Equal(Utf8($"contender {winner}"), await Store.ReadAsync(path));
        }

        // More contenders at once.
        var many = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => Store.TryCreateAsync("race/many", Utf8(i.ToString())))));
        Assert.Equal(1, many.Count(won => won));
        Assert.Equal(11, (await ListAsync("race/")).Count);
    }

    [Fact]
    public async Task Listing_is_in_ordinal_path_order_with_sizes()
    {
        // '-' < '.' < '/' < digits < '=' < upper case < '_' < lower case, in ordinal order. No two paths differ only
        // by case, so the test holds on case-insensitive file systems too.
        string[] paths =
        [
            "b/x", "a/b", "a-b/x", "a.b", "a_b", "aB/x", "C/x", "a=1/x", "a0", "a/C", "a/a", "Z", "a/b=2/c", "a/b=10/c",
        ];
        foreach (var path in paths.Reverse())
        {
            await Store.WriteAsync(path, Utf8(path));
        }

        var expected = paths.Order(StringComparer.Ordinal).ToList();
        var listed = await ListAsync("");
        Assert.Equal(expected, listed.Select(f => f.Path));
        Assert.All(listed, f => Assert.Equal(Encoding.UTF8.GetByteCount(f.Path), f.Size));
        Assert.All(listed, f => Assert.InRange(f.LastModified, DateTimeOffset.UtcNow.AddMinutes(-10), DateTimeOffset.UtcNow.AddMinutes(10)));
    }

    [Fact]
    public async Task A_prefix_matches_path_starts_even_inside_a_segment()
    {
        string[] paths =
        [
            "comments/date=2026-11-2/part-0.jsonl",
            "comments/date=2026-11-20/part-0.jsonl",
            "comments/date=2026-11-24/part-0.jsonl",
            "comments/date=2026-11-24/part-1.jsonl",
            "comments/date=2026-11-03/part-0.jsonl",
            "comments/date=2026-12-24/part-0.jsonl",
            "comments-archive/x",
            "commentsx",
            "engagement/date=2026-11-24/part-0.jsonl",
        ];
        foreach (var path in paths)
        {
            await Store.WriteAsync(path, Utf8(path));
        }

        Assert.Equal(
            ["comments/date=2026-11-2/part-0.jsonl", "comments/date=2026-11-20/part-0.jsonl", "comments/date=2026-11-24/part-0.jsonl", "comments/date=2026-11-24/part-1.jsonl"],
            await PathsAsync("comments/date=2026-11-2"));
        Assert.Equal(["comments/date=2026-11-2/part-0.jsonl"], await PathsAsync("comments/date=2026-11-2/"));
        Assert.Equal(
            ["comments/date=2026-11-24/part-0.jsonl", "comments/date=2026-11-24/part-1.jsonl"],
            await PathsAsync("comments/date=2026-11-24/part-"));
        Assert.Equal(6, (await PathsAsync("comments/")).Count);
        Assert.Equal(8, (await PathsAsync("comm")).Count);
        Assert.Equal(["commentsx"], await PathsAsync("commentsx"));
        Assert.Equal(paths.Order(StringComparer.Ordinal), await PathsAsync(""));
        Assert.Equal(["comments/date=2026-11-24/part-1.jsonl"], await PathsAsync("comments/date=2026-11-24/part-1.jsonl"));
        Assert.Empty(await PathsAsync("comments/date=2027"));
        Assert.Empty(await PathsAsync("nothing/"));
        Assert.Empty(await PathsAsync("nothing/at/all/"));
    }

    [Fact]
    public async Task Listing_an_empty_store_gives_nothing()
    {
        Assert.Empty(await ListAsync(""));
        Assert.Empty(await ListAsync("raw/"));
    }

    [Fact]
    public async Task Delete_removes_the_file_once()
    {
        await Store.WriteAsync("quarantine/date=2026-11-24/rejected.jsonl", Utf8("bad"));
        await Store.WriteAsync("quarantine/date=2026-11-24/other.jsonl", Utf8("keep"));

        Assert.True(await Store.DeleteAsync("quarantine/date=2026-11-24/rejected.jsonl"));
        Assert.False(await Store.DeleteAsync("quarantine/date=2026-11-24/rejected.jsonl"));
        Assert.Null(await Store.ReadAsync("quarantine/date=2026-11-24/rejected.jsonl"));
        Assert.Equal(["quarantine/date=2026-11-24/other.jsonl"], await PathsAsync(""));
        Assert.Equal(Utf8("keep"), await Store.ReadAsync("quarantine/date=2026-11-24/other.jsonl"));
    }

    [Fact]
    public async Task Deleting_a_missing_file_is_false()
    {
        Assert.False(await Store.DeleteAsync("never/written"));
        Assert.False(await Store.DeleteAsync("x"));
    }

    public static TheoryData<string> InvalidPaths() =>
    [
        "", "../x", "a/../b", "..", ".", "a//b", "a/./b", "/a", "a/", "%2F", "a%2Fb", "a\\b", "a b", "a:b", "a?b", "a#b",
        "é", "a/\u0000", "a\nb", new string('a', BlobPaths.MaxLength + 1),
    ];

    [Theory]
    [MemberData(nameof(InvalidPaths))]
    public async Task Invalid_paths_are_rejected_by_every_call(string path)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.WriteAsync(path, Utf8("x")));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.TryCreateAsync(path, Utf8("x")));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ReadAsync(path));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.DeleteAsync(path));
        Assert.Empty(await ListAsync(""));
    }

    [Theory]
    [InlineData("../")]
    [InlineData("a//")]
    [InlineData("a/./")]
    [InlineData("/")]
    [InlineData("%2F")]
    [InlineData("a\\")]
    public async Task Invalid_prefixes_are_rejected(string prefix)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => ListAsync(prefix));
    }

    [Fact]
    public async Task Binary_content_round_trips_byte_for_byte()
    {
        var all = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        var random = new byte[70_000];
        new Random(42).NextBytes(random);
        var crlf = Utf8("line\r\nline\n\u00e9\ud83d\ude00\0end");

        await Store.WriteAsync("bin/all-bytes", all);
        Assert.True(await Store.TryCreateAsync("bin/random", random));
        await Store.WriteAsync("bin/text", crlf);
        await Store.WriteAsync("bin/empty", ReadOnlyMemory<byte>.Empty);

        Assert.Equal(all, await Store.ReadAsync("bin/all-bytes"));
        Assert.Equal(random, await Store.ReadAsync("bin/random"));
        Assert.Equal(crlf, await Store.ReadAsync("bin/text"));
        var empty = await Store.ReadAsync("bin/empty");
        Assert.NotNull(empty);
        Assert.Empty(empty);
        Assert.Equal(0, (await ListAsync("bin/empty")).Single().Size);
    }

    [Fact]
    public async Task A_five_megabyte_file_round_trips()
    {
        var content = new byte[5 * 1024 * 1024 + 123];
        new Random(7).NextBytes(content);

        await Store.WriteAsync("processed/big/part-0000.parquet", content);
        Assert.Equal(content, await Store.ReadAsync("processed/big/part-0000.parquet"));
        Assert.Equal(content.Length, (await ListAsync("processed/big/")).Single().Size);

        Assert.False(await Store.TryCreateAsync("processed/big/part-0000.parquet", new byte[] { 1 }));
        Assert.True(await Store.TryCreateAsync("processed/big/part-0001.parquet", content));
        Assert.Equal(content, await Store.ReadAsync("processed/big/part-0001.parquet"));
    }

    [Fact]
    public async Task Writing_from_a_slice_writes_only_the_slice()
    {
        var buffer = Utf8("xxhello worldyy");
        await Store.WriteAsync("slice", buffer.AsMemory(2, 11));
        Assert.Equal(Utf8("hello world"), await Store.ReadAsync("slice"));
    }
}
