namespace Insights.Grains.Topics;

using Insights.Lake;
using Insights.Lake.Records;
using Insights.Topics;
using Insights.Topics.Building;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

/// <summary>
/// The cluster's one topics builder (key <see cref="ITopicsGrain.GlobalKey"/>), woken by a reminder every
/// <see cref="TopicsOptions.BuildInterval"/>: each tick starts yesterday's build once more after midnight (until that
/// final build is done) and today's, and returns without waiting for them. Builds run on the thread pool, off the
/// grain scheduler; a tick while they run adds nothing, and <c>Build</c> waits for them, so builds never overlap.
/// Answers come from the recent builds kept in memory, or from the lake. Each day's fingerprint is persisted, so a
/// restarted silo does not rebuild a day whose comments did not change.
/// </summary>
public sealed class TopicsGrain(
    [PersistentState("topics", StorageNames.Grains)] IPersistentState<TopicsGrainState> state,
    TopicBuilder builder, ILakeStore lake, IOptions<TopicsOptions> options, TimeProvider time, ILogger<TopicsGrain> logger)
    : Grain, ITopicsGrain, IRemindable
{
    public const string ReminderName = "topics-build";

    /// <summary>Days of fingerprints kept in state; an older day posted again is simply rebuilt.</summary>
    private const int RememberedDays = 14;

    private static readonly TimeSpan FirstTick = TimeSpan.FromMinutes(1);

    private readonly TopicsLake _lake = new(lake);
    private readonly Dictionary<DateOnly, RecentDay> _recent = [];
    private TopicBuildReport? _last;
    private Task? _scheduled;

    public async Task EnsureScheduled()
    {
        var o = options.Value;
        if (o.BuildOnSchedule)
        {
            // The first tick within a minute of a silo's start, so a fresh deployment shows topics without waiting a
            // whole interval; a restart's extra tick costs nothing when no comment landed (the build is skipped).
            var firstTick = o.BuildInterval < FirstTick ? o.BuildInterval : FirstTick;
            await this.RegisterOrUpdateReminder(ReminderName, firstTick, o.BuildInterval);
            logger.LogInformation("Topic builds scheduled every {Interval}", o.BuildInterval);
        }
        else if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public async Task<TopicBuildReport> Build(DateOnly date)
    {
        // A scheduled build still running finishes first, so builds never overlap (this call is not interleaved with
        // another build or a reminder tick, which wait for it).
        if (_scheduled is { IsCompleted: false } scheduled)
        {
            await scheduled;
        }

        return await RunAsync(date, "api");
    }

    public Task<TopicBuildReport?> GetLastBuild() => Task.FromResult(_last);

    public async Task<DayTopics> GetTopics(DateOnly date) =>
        await RecentAsync(date) is { } day
            ? TopicViews.Day(date, day.Topics, state.State.Days.GetValueOrDefault(date)?.Comments)
            : TopicViews.Day(date, await Task.Run(() => _lake.ReadDayAsync(date)), state.State.Days.GetValueOrDefault(date)?.Comments);

    public async Task<VideoTopics> GetVideoTopics(string videoId, DateOnly date)
    {
        if (await RecentAsync(date) is { } day)
        {
            return TopicViews.Video(videoId, date, day.Topics, day.Videos.GetValueOrDefault(videoId) ?? []);
        }

        var (topics, videos) = await Task.Run(async () => (await _lake.ReadDayAsync(date), await _lake.ReadVideoTopicsAsync(date)));
        return TopicViews.Video(videoId, date, topics, videos);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ReminderName)
        {
            return Task.CompletedTask;
        }

        if (!options.Value.BuildOnSchedule)
        {
            return EnsureScheduled();
        }

        if (_scheduled is { IsCompleted: false })
        {
            // The builds an earlier tick started are still running; they read the lake as this tick would.
            return Task.CompletedTask;
        }

        // The tick returns while its builds run: a build of a busy day takes minutes, and the reminder service waits
        // for a tick only so long (its call's response timeout, 30 s) before it logs the tick as undelivered. The
        // builds still run in this grain's turns, so state is never written by two at once.
        _scheduled = BuildScheduledAsync();
        return Task.CompletedTask;
    }

    private async Task BuildScheduledAsync()
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var yesterday = today.AddDays(-1);
        try
        {
            // Yesterday first: today's build matches its topics against yesterday's for ids and change.
            if (state.State.FinalBuildDone is not { } done || done < yesterday)
            {
                if (now - TopicsLake.Midnight(today) >= options.Value.FinalBuildDelay)
                {
                    await RunAsync(yesterday, "reminder");
                    state.State.FinalBuildDone = yesterday;
                    await state.WriteStateAsync();
                }
            }

            await RunAsync(today, "reminder");
        }
        catch (Exception ex)
        {
            // The next tick tries again: a day's files are replaced whole, so a failed build leaves the last one.
            logger.LogError(ex, "Scheduled topic build failed");
        }
    }

    private async Task<TopicBuildReport> RunAsync(DateOnly date, string trigger)
    {
        var last = state.State.Days.GetValueOrDefault(date);
        var result = await Task.Run(() => builder.BuildAsync(date, last?.Fingerprint));
        if (!result.Unchanged)
        {
            last = new TopicDayBuild
            {
                Fingerprint = result.Fingerprint, Files = result.Files, Comments = result.Comments, TrainingComments = result.TrainingComments,
                Assigned = result.Assigned, Topics = result.Topics?.Topics.Count ?? 0, Model = result.Model,
            };
            state.State.Days[date] = last;
            foreach (var old in state.State.Days.Keys.Where(d => d < Today().AddDays(-RememberedDays)).ToList())
            {
                state.State.Days.Remove(old);
            }

            await state.WriteStateAsync();
            Remember(date, result.Topics, result.VideoTopics);
        }

        _last = new TopicBuildReport
        {
            Date = date,
            Trigger = trigger,
            StartedAt = result.StartedAt,
            DurationSeconds = Math.Round(result.Duration.TotalSeconds, 3),
            Unchanged = result.Unchanged,
            Files = result.Files,
            Comments = last?.Comments ?? 0,
            TrainingComments = result.Unchanged ? 0 : result.TrainingComments,
            Assigned = last?.Assigned ?? 0,
            Topics = last?.Topics ?? 0,
            Model = last?.Model ?? "",
        };
        return _last;
    }

    /// <summary>The day from memory, loaded from the lake first when it is recent but not there yet (after a restart).</summary>
    private async Task<RecentDay?> RecentAsync(DateOnly date)
    {
        if (_recent.TryGetValue(date, out var day))
        {
            return day;
        }

        if (!IsRecent(date))
        {
            return null;
        }

        var (topics, videos) = await Task.Run(async () => (await _lake.ReadDayAsync(date), await _lake.ReadVideoTopicsAsync(date)));
        // A build that finished while the lake was read is newer than what was read.
        return _recent.TryGetValue(date, out var built) ? built : Remember(date, topics, videos);
    }

    private RecentDay? Remember(DateOnly date, StoredDayTopics? topics, IReadOnlyList<VideoTopicRow> videos)
    {
        if (topics is null || !IsRecent(date))
        {
            return null;
        }

        var day = new RecentDay(topics, videos.GroupBy(v => v.VideoId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal));
        _recent[date] = day;
        foreach (var old in _recent.Keys.Where(d => !IsRecent(d)).ToList())
        {
            _recent.Remove(old);
        }

        return day;
    }

    private bool IsRecent(DateOnly date) => date <= Today() && date > Today().AddDays(-options.Value.RecentDays);

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private sealed record RecentDay(StoredDayTopics Topics, Dictionary<string, List<VideoTopicRow>> Videos);
}
