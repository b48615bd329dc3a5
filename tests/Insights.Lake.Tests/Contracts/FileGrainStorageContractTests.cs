namespace Insights.Lake.Tests.Contracts;

using Insights.Grains.Domain;
using Insights.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Orleans;
using Orleans.Storage;

public sealed class FileGrainStorageContractTests : GrainStorageContract
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "insights-state-" + Guid.NewGuid().ToString("N"));

    protected override Task<IGrainStorage> CreateStorageAsync() => StartAsync(silo => silo.AddInsightsStorage(Settings(_root)));

    private static IConfiguration Settings(string path) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Insights:Storage:Provider"] = "File", ["Insights:Storage:Path"] = path })
        .Build();

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

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task File_names_are_unchanged_by_the_shared_escaping_helper()
    {
        // Existing state folders must keep working: these are the names FileGrainStorage has always used.
        var storage = await CreateStorageAsync();
        await storage.WriteStateAsync("video", Video("a/b c"), new GrainState<VideoState>(new VideoState()));
        await storage.WriteStateAsync("video", Video("7300000000000000001"), new GrainState<VideoState>(new VideoState()));
        await storage.WriteStateAsync("leader.board", Video("é"), new GrainState<VideoState>(new VideoState()));

        Assert.Equal(
            ["leader%002Eboard/video/%00E9.state", "video/video/7300000000000000001.state", "video/video/a%002Fb%0020c.state"],
            await StoredNamesAsync());
    }

    [Fact]
    public async Task The_folder_is_created_when_the_silo_starts()
    {
        Assert.False(Directory.Exists(_root));
        await CreateStorageAsync();
        Assert.True(Directory.Exists(_root));
        Assert.Empty(Directory.GetFileSystemEntries(_root)); // the write check leaves nothing behind
    }

    [Fact]
    public async Task A_path_that_is_a_file_stops_the_silo_at_start_naming_the_path()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_root)!);
        await File.WriteAllTextAsync(_root, "not a folder");
        try
        {
            var ex = await Assert.ThrowsAsync<Orleans.Runtime.OrleansConfigurationException>(() => CreateStorageAsync());
            Assert.Contains("RootPath of grain storage 'insights'", ex.Message);
            Assert.Contains(_root, ex.Message);
            Assert.Contains("is a file", ex.Message);
        }
        finally
        {
            File.Delete(_root);
        }
    }

    [Fact]
    public async Task A_folder_that_cannot_be_written_stops_the_silo_at_start()
    {
        // Under a file, no folder can be created whatever the process's rights (root included).
        Directory.CreateDirectory(_root);
        var blocker = Path.Combine(_root, "blocker");
        await File.WriteAllTextAsync(blocker, "x");
        var ex = await Assert.ThrowsAsync<Orleans.Runtime.OrleansConfigurationException>(() =>
            Support.ProviderHost.StartAsync(silo => silo.AddInsightsStorage(Settings(Path.Combine(blocker, "state")))));
        Assert.Contains("cannot be written", ex.Message);
        Assert.Contains(Path.Combine(blocker, "state"), ex.Message);
    }

    [Fact]
    public async Task An_empty_path_stops_the_silo_at_start()
    {
        var ex = await Assert.ThrowsAsync<Orleans.Runtime.OrleansConfigurationException>(() =>
            Support.ProviderHost.StartAsync(silo => silo.AddInsightsStorage(Settings(" "))));
        Assert.Contains("is empty", ex.Message);
    }
}
