namespace Insights.Lake.Tests.Contracts;

using Insights.Grains.Domain;
using Insights.Lake.Tests.Support;
using Insights.Silo.Storage;
using Orleans;
using Orleans.Storage;

public sealed class FileGrainStorageContractTests : GrainStorageContract
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "insights-state-" + Guid.NewGuid().ToString("N"));

    protected override IGrainStorage CreateStorage() =>
        new FileGrainStorage(new FileGrainStorageOptions { RootPath = _root }, TestSerializer.Create());

    protected override Task<IReadOnlyList<string>> StoredNamesAsync()
    {
        IReadOnlyList<string> names = Directory.Exists(_root)
            ? Directory.GetFiles(_root, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(_root, f).Replace(Path.DirectorySeparatorChar, '/'))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];
        return Task.FromResult(names);
    }

    protected override void AssertSafeName(string name)
    {
        Assert.StartsWith(_root + Path.DirectorySeparatorChar, Path.GetFullPath(Path.Combine(_root, name)));
        Assert.EndsWith(".state", name);
        var segments = name[..^".state".Length].Split('/');
        Assert.Equal(3, segments.Length);
        Assert.All(segments, s => Assert.Matches("^[A-Za-z0-9_%-]+$", s));
    }

    public override Task DisposeAsync()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task File_names_are_unchanged_by_the_shared_escaping_helper()
    {
        // Existing state folders must keep working: these are the names FileGrainStorage has always used.
        await CreateStorage().WriteStateAsync("video", Video("a/b c"), new GrainState<VideoState>(new VideoState()));
        await CreateStorage().WriteStateAsync("video", Video("7300000000000000001"), new GrainState<VideoState>(new VideoState()));
        await CreateStorage().WriteStateAsync("leader.board", Video("é"), new GrainState<VideoState>(new VideoState()));

        Assert.Equal(
            ["leader%002Eboard/video/%00E9.state", "video/video/7300000000000000001.state", "video/video/a%002Fb%0020c.state"],
            await StoredNamesAsync());
    }
}
