namespace Insights.Lake.Tests.Contracts;

using Insights.Grains.Domain;
using Orleans;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Storage;

/// <summary>
/// What every grain storage must do (the semantics of Orleans' own providers), run against each: the local folder
/// (<c>FileGrainStorage</c>) and Azure Blob (Orleans' <c>AzureBlobGrainStorage</c> on Azurite). A case a provider
/// cannot meet is overridden in its class with the reason and what Insights relies on instead.
/// </summary>
public abstract class GrainStorageContract : IAsyncLifetime
{
    protected const string StateName = "video";

    private readonly List<Support.ProviderHost> _hosts = [];

    /// <summary>
    /// A new storage instance over the same stored records as every other instance of this test, registered and
    /// started the way the silo does it (<see cref="Support.ProviderHost"/>).
    /// </summary>
    protected abstract Task<IGrainStorage> CreateStorageAsync();

    /// <summary>Names of everything stored (relative file paths or blob names), for the key safety checks.</summary>
    protected abstract Task<IReadOnlyList<string>> StoredNamesAsync();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
    }

    /// <summary>Starts a provider host that <see cref="DisposeAsync"/> stops.</summary>
    protected async Task<IGrainStorage> StartAsync(Action<ISiloBuilder> configure)
    {
        var host = await Support.ProviderHost.StartAsync(configure);
        _hosts.Add(host);
        return host.Storage(Insights.Grains.StorageNames.Grains);
    }

    protected static GrainId Video(string key) => GrainId.Create("video", key);

    private static async Task<GrainState<VideoState>> ReadAsync(IGrainStorage storage, GrainId id, string stateName = StateName)
    {
        var state = new GrainState<VideoState>();
        await storage.ReadStateAsync(stateName, id, state);
        return state;
    }

    [Fact]
    public async Task Reading_a_grain_never_written_gives_a_fresh_state_and_no_etag()
    {
        var state = new GrainState<VideoState>(new VideoState { Comments = 9 });
        state.ETag = "stale";
        state.RecordExists = true;
        await (await CreateStorageAsync()).ReadStateAsync(StateName, Video("v1"), state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.NotNull(state.State);
        Assert.Equal(0, state.State!.Comments);
    }

    [Fact]
    public async Task Written_state_reads_back_in_a_new_storage_instance()
    {
        var state = new GrainState<VideoState>(new VideoState { Comments = 42, LateEvents = 3, UpdatedAt = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero) });
        await (await CreateStorageAsync()).WriteStateAsync(StateName, Video("v1"), state);
        Assert.NotNull(state.ETag);
        Assert.True(state.RecordExists);

        var read = await ReadAsync(await CreateStorageAsync(), Video("v1"));
        Assert.True(read.RecordExists);
        Assert.Equal(state.ETag, read.ETag);
        Assert.Equal(42, read.State!.Comments);
        Assert.Equal(3, read.State!.LateEvents);
        Assert.Equal(state.State!.UpdatedAt, read.State!.UpdatedAt);
    }

    [Fact]
    public async Task Every_write_changes_the_etag_and_the_latest_write_wins()
    {
        var storage = await CreateStorageAsync();
        var state = new GrainState<VideoState>(new VideoState { Comments = 1 });
        var etags = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            state.State!.Comments = i;
            await storage.WriteStateAsync(StateName, Video("v1"), state);
            etags.Add(state.ETag!);
        }

        Assert.Equal(3, etags.Distinct().Count());
        var read = await ReadAsync(await CreateStorageAsync(), Video("v1"));
        Assert.Equal(3, read.State!.Comments);
        Assert.Equal(etags[^1], read.ETag);
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_is_refused_and_leaves_the_stored_state_alone()
    {
        var storage = await CreateStorageAsync();
        var first = new GrainState<VideoState>(new VideoState { Comments = 1 });
        await storage.WriteStateAsync(StateName, Video("v1"), first);

        var stale = await ReadAsync(await CreateStorageAsync(), Video("v1"));
        first.State!.Comments = 2;
        await storage.WriteStateAsync(StateName, Video("v1"), first);

        stale.State!.Comments = 99;
        var staleETag = stale.ETag;
        await Assert.ThrowsAsync<InconsistentStateException>(async () => await (await CreateStorageAsync()).WriteStateAsync(StateName, Video("v1"), stale));
        Assert.Equal(staleETag, stale.ETag);

        var read = await ReadAsync(await CreateStorageAsync(), Video("v1"));
        Assert.Equal(2, read.State!.Comments);
        Assert.Equal(first.ETag, read.ETag);
    }

    [Fact]
    public async Task A_first_write_over_an_existing_record_is_a_conflict()
    {
        await (await CreateStorageAsync()).WriteStateAsync(StateName, Video("v1"), new GrainState<VideoState>(new VideoState { Comments = 5 }));

        await Assert.ThrowsAsync<InconsistentStateException>(async () =>
            await (await CreateStorageAsync()).WriteStateAsync(StateName, Video("v1"), new GrainState<VideoState>(new VideoState { Comments = 6 })));
        Assert.Equal(5, (await ReadAsync(await CreateStorageAsync(), Video("v1"))).State!.Comments);
    }

    [Fact]
    public async Task Only_one_of_two_racing_writers_with_the_same_etag_wins()
    {
        var storage = await CreateStorageAsync();
        await storage.WriteStateAsync(StateName, Video("v1"), new GrainState<VideoState>(new VideoState()));
        var a = await ReadAsync(storage, Video("v1"));
        var b = await ReadAsync(await CreateStorageAsync(), Video("v1"));
        a.State!.Comments = 10;
        b.State!.Comments = 20;

        await storage.WriteStateAsync(StateName, Video("v1"), a);
        await Assert.ThrowsAsync<InconsistentStateException>(async () => await (await CreateStorageAsync()).WriteStateAsync(StateName, Video("v1"), b));
        Assert.Equal(10, (await ReadAsync(storage, Video("v1"))).State!.Comments);
    }

    [Fact]
    public async Task Clear_removes_the_record_and_resets_the_grain_state()
    {
        var storage = await CreateStorageAsync();
        var state = new GrainState<VideoState>(new VideoState { Comments = 5 });
        await storage.WriteStateAsync(StateName, Video("v1"), state);
        await storage.ClearStateAsync(StateName, Video("v1"), state);

        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        Assert.Equal(0, state.State!.Comments);
        var read = await ReadAsync(await CreateStorageAsync(), Video("v1"));
        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
        Assert.Empty(await StoredNamesAsync());

        // The cleared grain starts over: a first write again.
        state.State!.Comments = 7;
        await storage.WriteStateAsync(StateName, Video("v1"), state);
        Assert.Equal(7, (await ReadAsync(await CreateStorageAsync(), Video("v1"))).State!.Comments);
    }

    [Fact]
    public virtual async Task Clearing_a_grain_never_written_is_a_no_op()
    {
        var state = new GrainState<VideoState>(new VideoState());
        await (await CreateStorageAsync()).ClearStateAsync(StateName, Video("v1"), state);
        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        Assert.Empty(await StoredNamesAsync());
    }

    [Fact]
    public async Task Clear_with_a_stale_etag_is_refused_and_keeps_the_record()
    {
        var storage = await CreateStorageAsync();
        var state = new GrainState<VideoState>(new VideoState { Comments = 1 });
        await storage.WriteStateAsync(StateName, Video("v1"), state);
        var stale = await ReadAsync(await CreateStorageAsync(), Video("v1"));
        state.State!.Comments = 2;
        await storage.WriteStateAsync(StateName, Video("v1"), state);

        await Assert.ThrowsAsync<InconsistentStateException>(async () => await (await CreateStorageAsync()).ClearStateAsync(StateName, Video("v1"), stale));
        Assert.Equal(2, (await ReadAsync(await CreateStorageAsync(), Video("v1"))).State!.Comments);
    }

    [Fact]
    public virtual async Task Clear_without_an_etag_over_an_existing_record_is_refused()
    {
        await (await CreateStorageAsync()).WriteStateAsync(StateName, Video("v1"), new GrainState<VideoState>(new VideoState { Comments = 2 }));

        await Assert.ThrowsAsync<InconsistentStateException>(async () =>
            await (await CreateStorageAsync()).ClearStateAsync(StateName, Video("v1"), new GrainState<VideoState>(new VideoState())));
        Assert.Equal(2, (await ReadAsync(await CreateStorageAsync(), Video("v1"))).State!.Comments);
    }

    [Fact]
    public async Task Writing_with_the_etag_of_a_record_cleared_meanwhile_is_a_conflict()
    {
        var storage = await CreateStorageAsync();
        var state = new GrainState<VideoState>(new VideoState { Comments = 1 });
        await storage.WriteStateAsync(StateName, Video("v1"), state);
        var other = await ReadAsync(await CreateStorageAsync(), Video("v1"));
        await (await CreateStorageAsync()).ClearStateAsync(StateName, Video("v1"), other);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, Video("v1"), state));
        Assert.False((await ReadAsync(await CreateStorageAsync(), Video("v1"))).RecordExists);
    }

    [Fact]
    public virtual async Task Clearing_with_the_etag_of_a_record_cleared_meanwhile_is_a_conflict()
    {
        var storage = await CreateStorageAsync();
        var state = new GrainState<VideoState>(new VideoState { Comments = 1 });
        await storage.WriteStateAsync(StateName, Video("v1"), state);
        var other = await ReadAsync(await CreateStorageAsync(), Video("v1"));
        await (await CreateStorageAsync()).ClearStateAsync(StateName, Video("v1"), other);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, Video("v1"), state));
        Assert.False((await ReadAsync(await CreateStorageAsync(), Video("v1"))).RecordExists);
    }

    [Fact]
    public async Task State_names_grain_types_and_keys_are_separate_records()
    {
        var storage = await CreateStorageAsync();
        await storage.WriteStateAsync("video", GrainId.Create("video", "k"), new GrainState<VideoState>(new VideoState { Comments = 1 }));
        await storage.WriteStateAsync("other", GrainId.Create("video", "k"), new GrainState<VideoState>(new VideoState { Comments = 2 }));
        await storage.WriteStateAsync("video", GrainId.Create("leaderboard", "k"), new GrainState<VideoState>(new VideoState { Comments = 3 }));
        await storage.WriteStateAsync("video", GrainId.Create("video", "K"), new GrainState<VideoState>(new VideoState { Comments = 4 }));

        var reader = await CreateStorageAsync();
        Assert.Equal(1, (await ReadAsync(reader, GrainId.Create("video", "k"), "video")).State!.Comments);
        Assert.Equal(2, (await ReadAsync(reader, GrainId.Create("video", "k"), "other")).State!.Comments);
        Assert.Equal(3, (await ReadAsync(reader, GrainId.Create("leaderboard", "k"), "video")).State!.Comments);
        Assert.Equal(4, (await ReadAsync(reader, GrainId.Create("video", "K"), "video")).State!.Comments);
        Assert.Equal(4, (await StoredNamesAsync()).Count);
    }

    public static TheoryData<string> KeysWithPathCharacters() =>
    [
        "../../etc/passwd", "a/b\\c", "..", ".", "%2F", "a%2Fb", "=002F", "a b", "?x=1#y", "C:\\x", "/abs", "é😀", "-_",
    ];

    [Theory]
    [MemberData(nameof(KeysWithPathCharacters))]
    public virtual async Task Keys_with_path_characters_are_stored_safely_and_read_back(string key)
    {
        var storage = await CreateStorageAsync();
        await storage.WriteStateAsync(StateName, Video(key), new GrainState<VideoState>(new VideoState { Comments = key.Length }));
        await storage.WriteStateAsync(StateName, Video("plain"), new GrainState<VideoState>(new VideoState { Comments = -1 }));

        var names = await StoredNamesAsync();
        Assert.Equal(2, names.Count);
        Assert.All(names, AssertSafeName);
        Assert.Equal(key.Length, (await ReadAsync(await CreateStorageAsync(), Video(key))).State!.Comments);
        Assert.Equal(-1, (await ReadAsync(await CreateStorageAsync(), Video("plain"))).State!.Comments);
    }

    [Fact]
    public async Task Keys_that_escape_alike_stay_distinct()
    {
        // The escape character of either storage, written literally in a key, must not collide with an escaped key.
        string[] keys = ["a/b", "a%002Fb", "a=002Fb", "a_002Fb", "a002Fb"];
        var storage = await CreateStorageAsync();
        for (var i = 0; i < keys.Length; i++)
        {
            await storage.WriteStateAsync(StateName, Video(keys[i]), new GrainState<VideoState>(new VideoState { Comments = i }));
        }

        Assert.Equal(keys.Length, (await StoredNamesAsync()).Distinct().Count());
        for (var i = 0; i < keys.Length; i++)
        {
            Assert.Equal(i, (await ReadAsync(await CreateStorageAsync(), Video(keys[i]))).State!.Comments);
        }
    }

    /// <summary>A stored name is exactly three safe segments: state, type, key.</summary>
    protected abstract void AssertSafeName(string name);
}
