namespace Insights.Testing;

using Polly;
using Polly.Retry;

/// <summary>
/// Removes the folder a fixture's hosts wrote to, once they have stopped. A host can still be finishing a write when
/// its stop returns (a grain deactivating past the shutdown timeout on a busy machine), and on Unix a file created
/// while the folder is being removed fails the removal with "Directory not empty"; so the removal is tried again for
/// a few seconds, and a folder that keeps changing is reported with what it still holds, to find the late writer.
/// </summary>
public static class TemporaryFolder
{
    private static readonly ResiliencePipeline Removal = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<IOException>(),
            MaxRetryAttempts = 19,
            BackoffType = DelayBackoffType.Constant,
            Delay = TimeSpan.FromMilliseconds(250),
            UseJitter = false,
        })
        .Build();

    public static async Task DeleteAsync(string path)
    {
        try
        {
            await Removal.ExecuteAsync(_ =>
            {
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }

                return ValueTask.CompletedTask;
            });
        }
        catch (IOException e)
        {
            var left = Directory.Exists(path) ? Directory.GetFileSystemEntries(path, "*", SearchOption.AllDirectories) : [];
            throw new IOException(
                $"{path} could not be removed in 20 attempts over about 5 s; it still holds {left.Length} entries: {string.Join(", ", left.Take(20))}", e);
        }
    }
}
