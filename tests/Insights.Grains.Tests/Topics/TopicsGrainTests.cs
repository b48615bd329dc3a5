namespace Insights.Grains.Tests.Topics;

using System.Globalization;
using Insights.Generator;
using Insights.Grains.Tests.Cluster;
using Insights.Grains.Topics;
using Insights.Lake.Local;
using Insights.Lake.Records;
using Insights.Lake.Writing;
using Insights.Silo.Hosting;
using Insights.Topics.Modeling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

/// <summary>
/// The topics grain in a silo wired like the real one (<c>AddInsightsTopics</c>, the real topic model) over a
/// generated day of comments landed in the processed zone; own cluster, since it restarts the silo.
/// </summary>
public sealed class TopicsGrainTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TopicsSiloFixture _fixture = new();
    private readonly DateOnly _today = DateOnly.FromDateTime(DateTime.UtcNow);
    private int _files;

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task Builds_answer_skip_unchanged_days_and_survive_a_restart()
    {
        var day = DatasetGenerator.Generate(new GeneratorOptions { Seed = 5, Creators = 6, Videos = 20, Comments = 1_200, Span = TimeSpan.FromHours(2) });
        var comments = day.Comments.DistinctBy(c => c.Id).ToList();
        await LandAsync(comments.Take(800));
        var grain = _fixture.Client.GetGrain<ITopicsGrain>(ITopicsGrain.GlobalKey);

        var first = await grain.Build(_today);
        output.WriteLine($"{first.Comments} comments, {first.Assigned} assigned, {first.Topics} topics in {first.DurationSeconds} s");
        Assert.Equal(("api", false, 800L, 800L), (first.Trigger, first.Unchanged, first.Comments, first.TrainingComments));
        Assert.InRange(first.Topics, 2, 20);
        Assert.Equal(first, await grain.GetLastBuild());

        var topics = await grain.GetTopics(_today);
        Assert.NotNull(topics.BuiltAt);
        Assert.Equal((800L, first.Topics, first.Model), (topics.Comments, topics.Topics.Count, topics.Model));
        Assert.Equal(first.Assigned, topics.Topics.Sum(t => t.Comments));
        Assert.Equal(topics.Topics.OrderByDescending(t => t.Comments).Select(t => t.Id), topics.Topics.Select(t => t.Id));
        Assert.All(topics.Topics, t =>
        {
            Assert.NotEmpty(t.Terms);
            Assert.Equal(t.Comments, t.Sentiment.Positive + t.Sentiment.Neutral + t.Sentiment.Negative);
            Assert.Null(t.Change);
        });

        var busiest = comments.Take(800).GroupBy(c => c.VideoId).MaxBy(g => g.Count())!;
        var video = await grain.GetVideoTopics(busiest.Key, _today);
        Assert.InRange(video.Comments, 1, busiest.Count());
        Assert.Equal(video.Comments, video.Topics.Sum(t => t.Comments));
        Assert.All(video.Topics, t => Assert.Contains(topics.Topics, d => d.Id == t.Id && d.Label == t.Label && d.Comments >= t.Comments));

        var again = await grain.Build(_today);
        Assert.True(again.Unchanged);
        Assert.Equal((800L, first.Topics), (again.Comments, again.Topics));

        await _fixture.RestartAsync();
        grain = _fixture.Client.GetGrain<ITopicsGrain>(ITopicsGrain.GlobalKey);
        Assert.Equal(topics.Topics.Select(t => (t.Id, t.Comments)), (await grain.GetTopics(_today)).Topics.Select(t => (t.Id, t.Comments)));
        Assert.Equal(800L, (await grain.GetTopics(_today)).Comments);
        Assert.Equal(video.Topics.Select(t => (t.Id, t.Comments)), (await grain.GetVideoTopics(busiest.Key, _today)).Topics.Select(t => (t.Id, t.Comments)));
        Assert.True((await grain.Build(_today)).Unchanged);

        await LandAsync(comments.Skip(800));
        var rebuilt = await grain.Build(_today);
        Assert.Equal((false, (long)comments.Count), (rebuilt.Unchanged, rebuilt.Comments));
        var later = await grain.GetTopics(_today);
        var kept = later.Topics.Select(t => t.Id).Intersect(topics.Topics.Select(t => t.Id)).Count();
        output.WriteLine($"rebuilt: {later.Topics.Count} topics, {kept} kept their id");
        Assert.True(kept >= later.Topics.Count / 4, $"only {kept} of {later.Topics.Count} topics kept their id");

        var empty = await grain.GetTopics(_today.AddDays(-30));
        Assert.Equal((null, 0), (empty.BuiltAt, empty.Topics.Count));
    }

    [Fact]
    public async Task The_reminder_builds_yesterday_once_more_and_today_with_the_day_befores_counts()
    {
        await using var fixture = new TopicsSiloFixture(new Dictionary<string, string?>
        {
            ["Insights:Topics:BuildInterval"] = "00:00:01",
            ["Insights:Topics:FinalBuildDelay"] = "00:00:00",
        });
        var day = DatasetGenerator.Generate(new GeneratorOptions { Seed = 8, Creators = 6, Videos = 20, Comments = 1_600, Span = TimeSpan.FromHours(2) });
        var comments = day.Comments.DistinctBy(c => c.Id).ToList();
        await LandAsync(fixture, _today.AddDays(-1), comments.Take(800));
        await LandAsync(fixture, _today, comments.Skip(800));
        await fixture.InitializeAsync();
        var grain = fixture.Client.GetGrain<ITopicsGrain>(ITopicsGrain.GlobalKey);

        // Each tick builds today last; once today's topics are there, yesterday's final build has run before them.
        var today = await SiloFixture.Eventually(() => grain.GetTopics(_today), t => t.BuiltAt is not null, TimeSpan.FromSeconds(60));
        var yesterday = await grain.GetTopics(_today.AddDays(-1));
        Assert.NotNull(yesterday.BuiltAt);
        Assert.Equal((800L, (long)comments.Count - 800), (yesterday.Comments, today.Comments));
        var last = await grain.GetLastBuild();
        Assert.Equal("reminder", last!.Trigger);

        // Topics that carried on keep yesterday's ids and counts.
        var carried = today.Topics.Where(t => t.PreviousComments is not null).ToList();
        output.WriteLine($"today {today.Topics.Count} topics, {carried.Count} carried on from yesterday's {yesterday.Topics.Count}");
        Assert.NotEmpty(carried);
        Assert.All(carried, t =>
        {
            var before = Assert.Single(yesterday.Topics, y => y.Id == t.Id);
            Assert.Equal((before.Comments, t.Comments - before.Comments), (t.PreviousComments!.Value, t.Change!.Value));
        });
        Assert.All(today.Topics.Except(carried), t => Assert.Null(t.Change));

        // Later ticks find nothing new and skip.
        var unchanged = await SiloFixture.Eventually(() => grain.GetLastBuild(), b => b is { Unchanged: true, Trigger: "reminder" }, TimeSpan.FromSeconds(30));
        Assert.Equal(_today, unchanged!.Date);
    }

    [Fact]
    public async Task A_tick_returns_while_its_build_runs_and_a_build_asked_for_meanwhile_waits_for_it()
    {
        var trainer = new HeldTrainer();
        await using var fixture = new TopicsSiloFixture(new Dictionary<string, string?> { ["Insights:Topics:BuildInterval"] = "00:00:01" }, trainer);
        var day = DatasetGenerator.Generate(new GeneratorOptions { Seed = 9, Creators = 4, Videos = 10, Comments = 400, Span = TimeSpan.FromHours(1) });
        await LandAsync(fixture, _today, day.Comments.DistinctBy(c => c.Id));
        await fixture.InitializeAsync();
        var grain = fixture.Client.GetGrain<ITopicsGrain>(ITopicsGrain.GlobalKey);

        // The first tick's build is fitting, held by the trainer.
        await trainer.Entered.Task.WaitAsync(TimeSpan.FromSeconds(60));

        // Another tick returns at once instead of waiting for the build (which would outlast the reminder service's
        // timeout on a busy day); it starts nothing, since a build is running.
        var remindable = fixture.Client.GetGrain<IRemindable>(grain.GetGrainId());
        var now = DateTime.UtcNow;
        await remindable.ReceiveReminder(TopicsGrain.ReminderName, new TickStatus(now, TimeSpan.FromSeconds(1), now)).WaitAsync(TimeSpan.FromSeconds(20));

        // A build asked for now waits for the scheduled one: it cannot finish while that one is held.
        var asked = grain.Build(_today);
        Assert.Null(await grain.GetLastBuild());
        Assert.False(asked.IsCompleted);

        trainer.Release();
        var report = await asked.WaitAsync(TimeSpan.FromSeconds(120));
        // It ran after the scheduled build, which had built these very files: nothing new to fit; and no two fits
        // ever ran at once.
        Assert.Equal(("api", true), (report.Trigger, report.Unchanged));
        Assert.Equal(1, trainer.MostAtOnce);
        Assert.NotNull((await grain.GetTopics(_today)).BuiltAt);
    }

    private Task LandAsync(IEnumerable<GeneratedComment> comments) => LandAsync(_fixture, _today, comments);

    private async Task LandAsync(SiloFixture fixture, DateOnly date, IEnumerable<GeneratedComment> comments)
    {
        var ingested = date.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
        var rows = comments.Select(c => new CommentRow
        {
            CommentId = c.Id, VideoId = c.VideoId, Username = c.Username, Text = c.Text, CreateTime = c.CreateTime.UtcDateTime, IngestedAt = ingested,
            SentimentLabel = c.Label.ToString().ToLowerInvariant(), SentimentScore = 0.1, ProbabilityPositive = 0.4, ProbabilityNeutral = 0.4,
            ProbabilityNegative = 0.2, Language = "en", Analyzer = "test",
        }).ToList();
        var path = string.Create(CultureInfo.InvariantCulture, $"comments/date={date:yyyy-MM-dd}/hour=12/part-test-{++_files:D3}.parquet");
        await new LocalFolderLakeStore(fixture.LakePath).Zone(Lake.LakeZone.Processed)
            .WriteAsync(path, await new ParquetFormat<CommentRow>().EncodeAsync(rows, default));
    }

    private sealed class TopicsSiloFixture(IReadOnlyDictionary<string, string?>? topics = null, ITopicModelTrainer? trainer = null)
        : SiloFixture, IAsyncDisposable
    {
        protected override void ConfigureSilo(ISiloBuilder silo)
        {
            if (trainer is not null)
            {
                silo.Services.AddSingleton(trainer);
            }

            silo.AddInsightsTopics(new ConfigurationBuilder().AddInMemoryCollection(topics ?? new Dictionary<string, string?>()).Build());
        }

        ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());
    }

    /// <summary>The real trainer, held at its first fit until released; counts how many fits ran at once.</summary>
    private sealed class HeldTrainer : ITopicModelTrainer
    {
        private readonly KMeansTopicModelTrainer _trainer = new(Options.Create(new TopicModelOptions()));
        private readonly ManualResetEventSlim _released = new();
        private int _running;

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int MostAtOnce;

        public void Release() => _released.Set();

        public ITopicModel Fit(IReadOnlyList<TopicDocument> documents, CancellationToken cancellationToken = default)
        {
            var running = Interlocked.Increment(ref _running);
            InterlockedMax(ref MostAtOnce, running);
            try
            {
                Entered.TrySetResult();
                // Fits run on the thread pool, off the grain scheduler (the builder's Task.Run), so waiting here holds
                // only the build.
                _released.Wait(TimeSpan.FromMinutes(2), cancellationToken);
                return _trainer.Fit(documents, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _running);
            }
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }
    }
}
