namespace Insights.Lake.Tests;

/// <summary>The fixtures' folder removal (tests/Insights.Testing), against a writer still adding files.</summary>
public sealed class TemporaryFolderTests
{
    [Fact]
    public async Task A_folder_that_is_already_gone_is_fine()
    {
        await TemporaryFolder.DeleteAsync(Path.Combine(Path.GetTempPath(), "insights-never-made-" + Guid.NewGuid().ToString("N")));
    }

    [Fact]
    public async Task A_folder_a_late_writer_still_fills_is_removed_with_everything_in_it()
    {
        var root = Directory.CreateTempSubdirectory("insights-late-writer-").FullName;
        var zone = Directory.CreateDirectory(Path.Combine(root, "lake", "raw")).FullName;
        for (var i = 0; i < 200; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(zone, $"old-{i}.json"), "{}");
        }

        // Like a host's last flush landing during the removal: files keep appearing for a moment, until the folder is
        // gone from under the writer.
        using var writing = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var writer = Task.Run(() =>
        {
            for (var i = 0; !writing.IsCancellationRequested; i++)
            {
                try
                {
                    File.WriteAllText(Path.Combine(zone, $"late-{i}.json"), "{}");
                }
                catch (IOException)
                {
                    return;
                }
            }
        });

        await TemporaryFolder.DeleteAsync(root);
        Assert.False(Directory.Exists(root));
        await writer; // stopped by the folder's removal or its time, never by anything else

    }
}
