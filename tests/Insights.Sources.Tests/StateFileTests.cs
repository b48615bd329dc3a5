namespace Insights.Sources.Tests;

using Insights.Sources.State;
using Insights.Sources.Tests.Support;
using Insights.Sources.TikTok;

public sealed class StateFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "insights-state-" + Guid.NewGuid().ToString("N"));

    private JsonStateFile<TikTokState> File(LogRecorder logs) =>
        new(Path.Combine(_folder, "sub", "state.json"), TikTokStateJsonContext.Default.TikTokState, logs.CreateLogger("state"));

    [Fact]
    public void State_round_trips_and_no_temporary_file_is_left()
    {
        var file = File(new LogRecorder());
        var state = new TikTokState();
        state.Videos["7300"] = new VideoState { CommentCursor = 250, NewestCommentTime = 1_700_000_000, NewestCommentIds = ["a", "b"] };
        state.Queries["username:a"] = new QueryState { CompletedThrough = new DateOnly(2026, 11, 24) };

        file.Save(state);
        file.Save(state);
        var loaded = file.Load();

        Assert.Equal(250, loaded.Videos["7300"].CommentCursor);
        Assert.Equal(["a", "b"], loaded.Videos["7300"].NewestCommentIds);
        Assert.Equal(new DateOnly(2026, 11, 24), loaded.Queries["username:a"].CompletedThrough);
        Assert.Equal(["state.json"], Directory.GetFiles(Path.GetDirectoryName(file.Path)!).Select(Path.GetFileName));
    }

    [Fact]
    public void A_missing_file_is_a_fresh_state_and_a_corrupt_one_is_moved_aside()
    {
        var logs = new LogRecorder();
        var file = File(logs);
        Assert.Empty(file.Load().Videos);

        Directory.CreateDirectory(Path.GetDirectoryName(file.Path)!);
        System.IO.File.WriteAllText(file.Path, "{\"videos\": {\"1\": ");
        Assert.Empty(file.Load().Videos);

        Assert.False(System.IO.File.Exists(file.Path));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(file.Path)!, "state.json.corrupt-*"));
        Assert.Contains(logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
