namespace Insights.Grains.Tests.Storage;

using Insights.Grains.Domain;
using Insights.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;

public sealed class FileGrainStorageTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "insights-state-" + Guid.NewGuid().ToString("N"));
    private readonly FileGrainStorage _storage;

    public FileGrainStorageTests()
    {
        _storage = Create(_root);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static FileGrainStorage Create(string root)
    {
        var serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();
        return new FileGrainStorage(new FileGrainStorageOptions { RootPath = root, GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer) });
    }

    private static GrainId Video(string key) => GrainId.Create("video", key);

    [Fact]
    public async Task Reading_a_grain_never_written_gives_a_fresh_state_and_no_etag()
    {
        var state = new GrainState<VideoState>();
        await _storage.ReadStateAsync("video", Video("v1"), state);
        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.NotNull(state.State);
    }

    [Fact]
    public async Task Written_state_reads_back_in_a_new_storage_instance()
    {
        var state = new GrainState<VideoState>(new VideoState { Comments = 42, LateEvents = 3 });
        await _storage.WriteStateAsync("video", Video("v1"), state);
        Assert.Equal("1", state.ETag);

        var other = Create(_root);
        var read = new GrainState<VideoState>();
        await other.ReadStateAsync("video", Video("v1"), read);
        Assert.True(read.RecordExists);
        Assert.Equal("1", read.ETag);
        Assert.Equal(42, read.State!.Comments);
        Assert.Equal(3, read.State!.LateEvents);
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_is_refused_and_leaves_the_stored_state_alone()
    {
        var first = new GrainState<VideoState>(new VideoState { Comments = 1 });
        await _storage.WriteStateAsync("video", Video("v1"), first);

        var stale = new GrainState<VideoState>();
        await _storage.ReadStateAsync("video", Video("v1"), stale);
        first.State!.Comments = 2;
        await _storage.WriteStateAsync("video", Video("v1"), first); // version 2

        stale.State!.Comments = 99;
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("video", Video("v1"), stale));

        var read = new GrainState<VideoState>();
        await _storage.ReadStateAsync("video", Video("v1"), read);
        Assert.Equal(2, read.State!.Comments);
        Assert.Equal("2", read.ETag);
    }

    [Fact]
    public async Task A_first_write_over_an_existing_record_is_a_conflict()
    {
        await _storage.WriteStateAsync("video", Video("v1"), new GrainState<VideoState>(new VideoState()));
        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            _storage.WriteStateAsync("video", Video("v1"), new GrainState<VideoState>(new VideoState())));
    }

    [Fact]
    public async Task Clear_removes_the_record()
    {
        var state = new GrainState<VideoState>(new VideoState { Comments = 5 });
        await _storage.WriteStateAsync("video", Video("v1"), state);
        await _storage.ClearStateAsync("video", Video("v1"), state);
        Assert.Null(state.ETag);

        var read = new GrainState<VideoState>();
        await _storage.ReadStateAsync("video", Video("v1"), read);
        Assert.False(read.RecordExists);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("a/b\\c")]
    [InlineData("..")]
    public async Task Keys_with_path_characters_stay_inside_the_root(string key)
    {
        await _storage.WriteStateAsync("video", Video(key), new GrainState<VideoState>(new VideoState()));
        var files = Directory.GetFiles(_root, "*", SearchOption.AllDirectories);
        var file = Assert.Single(files);
        Assert.StartsWith(_root, Path.GetFullPath(file));
        Assert.DoesNotContain("..", Path.GetFileName(file)[..^".state".Length].Replace("%", ""));
    }
}
