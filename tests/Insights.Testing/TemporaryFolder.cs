namespace Insights.Testing;

/// <summary>
/// Removes the folder a fixture's hosts wrote to, once they have stopped. A host can still be finishing a write when
/// its stop returns (a grain deactivating past the shutdown timeout on a busy machine), and on Unix a file created
/// while the folder is being removed fails the removal with "Directory not empty"; so the removal is tried again for
/// a few seconds, and a folder that keeps changing is reported with what it still holds, to find the late writer.
/// </summary>
public static class TemporaryFolder
{
    private const int Attempts = 20;
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(250);

    public static async Task DeleteAsync(string path)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }

                return;
            }
            catch (IOException) when (attempt < Attempts)
            {
                await Task.Delay(Pause);
            }
            catch (IOException e)
            {
                var left = Directory.Exists(path)
                    ? Directory.GetFileSystemEntries(path, "*", SearchOption.AllDirectories)
                    : [];
                throw new IOException(
                    $"{path} could not be removed in {Attempts} attempts over {(Attempts - 1) * Pause.TotalSeconds:0.#} s; " +
                    $"it still holds {left.Length} entries: {string.Join(", ", left.Take(20))}", e);
            }
        }
    }
}
