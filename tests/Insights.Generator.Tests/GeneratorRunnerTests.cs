namespace Insights.Generator.Tests;

using Insights.Wire;

public class GeneratorRunnerTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A run that covers [now - 30 min, now + 30 min]: half backlog, half live.</summary>
    private static GeneratedDataset HalfLive() => DatasetGenerator.Generate(Datasets.Small() with { Start = Now - TimeSpan.FromMinutes(30) });

    /// <summary>Moves the clock from timer to timer until the run ends.</summary>
    private static async Task<RunReport> Drive(ObservedTimeProvider time, Task<RunReport> run, Action? atEachWait = null)
    {
        while (true)
        {
            await Datasets.WaitUntil(() => run.IsCompleted || time.NextDue is not null, "the runner waits or ends");
            if (run.IsCompleted)
            {
                return await run;
            }

            atEachWait?.Invoke();
            if (time.NextDue is { } due) // a stop may have cancelled the wait
            {
                time.AdvanceTo(due);
            }
        }
    }

    [Fact]
    public async Task Past_events_go_at_once_and_future_ones_when_due()
    {
        var d = HalfLive();
        var time = new ObservedTimeProvider(Now);
        var sink = new FakeSink(time);
        var progress = new List<RunProgress>();
        var runner = new GeneratorRunner(sink, time, new RunnerOptions { MaxEventsPerSend = 1_000_000 });

        var run = Task.Run(() => runner.RunAsync(d, progress.Add));
        await Datasets.WaitUntil(() => time.NextDue is not null, "the backlog is sent");

        // The backlog: every event due now, in one go, before any waiting.
        var backlog = d.Events.Where(e => e.SendAt <= Now).Select(e => e.Event).ToList();
        Assert.True(backlog.Count > 100 && backlog.Count < d.Events.Count - 100, "the dataset is half backlog, half live");
        var first = Assert.Single(sink.Calls);
        Assert.Equal(Now, first.At);
        Assert.Equal(backlog, first.Events);
        Assert.Equal(d.Events[backlog.Count].SendAt, time.NextDue);

        var report = await Drive(time, run);

        // Then each event exactly when due, never before; the clock never ran past the end of the data.
        var sentAt = sink.Calls.SelectMany(c => c.Events.Select(e => (c.At, Event: e))).ToList();
        Assert.Equal(d.Events.Select(e => e.Event), sentAt.Select(s => s.Event));
        foreach (var (at, e) in sentAt.Skip(backlog.Count).Zip(d.Events.Skip(backlog.Count)).Select(p => (p.First.At, p.Second)))
        {
            Assert.Equal(e.SendAt, at);
        }

        Assert.All(sentAt, s => Assert.True((s.Event.Time ?? s.Event.CreateTime) <= s.At.ToUnixTimeSeconds(), "never sent before it happens"));
        Assert.Equal(d.Events[^1].SendAt, time.GetUtcNow()); // the clock never ran past the last event

        Assert.Equal(RunOutcome.Completed, report.Outcome);
        Assert.Equal(d.Events.Count, report.Accepted);
        Assert.Equal(d.Events.Count, report.Sent);
        Assert.Equal(0, report.Skipped);
        Assert.Equal(d.Truth, report.Truth);
        Assert.Equal(RunPhase.Backfill, progress[0].Phase);
        Assert.Contains(progress, p => p.Phase == RunPhase.Live);
        Assert.Equal(RunPhase.Done, progress[^1].Phase);
        Assert.Equal(d.Events.Count, progress[^1].Accepted);
    }

    [Fact]
    public async Task Without_live_only_the_backlog_is_sent()
    {
        var d = HalfLive();
        var time = new ObservedTimeProvider(Now);
        var sink = new FakeSink(time);
        var report = await new GeneratorRunner(sink, time, new RunnerOptions { Live = false }).RunAsync(d);

        var backlog = d.Events.Where(e => e.SendAt <= Now).ToList();
        Assert.Equal(RunOutcome.Completed, report.Outcome);
        Assert.Equal(backlog.Count, report.Accepted);
        Assert.Equal(d.Events.Count - backlog.Count, report.Skipped);
        Assert.Equal(d.TruthOf(backlog), report.Truth);
        Assert.Equal(Now, time.GetUtcNow());
    }

    [Fact]
    public async Task Retry_answers_are_sent_again_until_accepted()
    {
        // No duplicates or repeats: the fake sink tells events apart by reference.
        var d = DatasetGenerator.Generate(Datasets.Small() with { Start = Now - TimeSpan.FromHours(2), DuplicateRate = 0, EngagementRepeatRate = 0 });
        var time = new ObservedTimeProvider(Now);

        // Every third event is pushed back twice before it is taken.
        var sink = new FakeSink(time, (e, attempt) =>
            e.GetHashCode() % 3 == 0 && attempt < 2 ? new SinkItemResult(SinkStatus.Retry) : SinkItemResult.Accepted);
        var runner = new GeneratorRunner(sink, time, new RunnerOptions { MaxEventsPerSend = 500 });
        var report = await Drive(time, Task.Run(() => runner.RunAsync(d)));

        var pushedBack = d.Events.Count(e => e.Event.GetHashCode() % 3 == 0);
        Assert.Equal(RunOutcome.Completed, report.Outcome);
        Assert.Equal(d.Events.Count, report.Accepted);
        Assert.Equal(2 * pushedBack, report.Retried);
        Assert.Equal(d.Events.Count + 2 * pushedBack, sink.Calls.Sum(c => c.Events.Count));
        Assert.Equal(d.Truth, report.Truth);
        Assert.True(time.GetUtcNow() > Now, "retries wait before they go again");
        Assert.All(sink.Calls, c => Assert.True(c.Events.Count <= 500));
    }

    [Fact]
    public async Task An_event_that_is_never_taken_fails_the_run_loudly()
    {
        var d = DatasetGenerator.Generate(Datasets.Small() with { Start = Now - TimeSpan.FromHours(2) });
        var time = new ObservedTimeProvider(Now);
        var sink = new FakeSink(time, (e, _) => e.Type == WireFields.TypeVideo ? new SinkItemResult(SinkStatus.Retry) : SinkItemResult.Accepted);
        var runner = new GeneratorRunner(sink, time, new RunnerOptions { MaxRetriesPerEvent = 5 });

        var ex = await Assert.ThrowsAsync<GeneratorRunException>(() => Drive(time, Task.Run(() => runner.RunAsync(d))));
        Assert.Equal(RunOutcome.Failed, ex.Report.Outcome);
        Assert.Equal(d.Events.Count - d.Videos.Count, ex.Report.Accepted);
        Assert.Equal(d.Videos.Count, ex.Report.PendingRetry);
        Assert.Equal(0, ex.Report.Unconfirmed);
        Assert.Equal(d.TruthOf(d.Events.Where(e => e.Event.Type != WireFields.TypeVideo)), ex.Report.Truth);
    }

    [Fact]
    public async Task Rejections_are_counted_and_left_out_of_the_truth()
    {
        var d = DatasetGenerator.Generate(Datasets.Small() with { Start = Now - TimeSpan.FromHours(2) });
        var time = new ObservedTimeProvider(Now);
        var sink = new FakeSink(time, (e, _) => e.Type == WireFields.TypeComment && e.Text!.Contains("🔥", StringComparison.Ordinal)
            ? new SinkItemResult(SinkStatus.Rejected, "no fire")
            : SinkItemResult.Accepted);

        var report = await new GeneratorRunner(sink, time).RunAsync(d);

        var rejected = d.Events.Where(e => e.Event.Type == WireFields.TypeComment && e.Event.Text!.Contains("🔥", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(rejected);
        Assert.Equal(rejected.Count, report.Rejected);
        Assert.Equal(rejected, report.Rejections.Select(r => r.Event));
        Assert.All(report.Rejections, r => Assert.Equal("no fire", r.Error));
        Assert.Equal(d.TruthOf(d.Events.Except(rejected)), report.Truth);
    }

    [Fact]
    public async Task Stopping_ends_the_run_with_the_truth_of_what_was_accepted()
    {
        var d = HalfLive();
        var time = new ObservedTimeProvider(Now);
        var sink = new FakeSink(time);
        using var stop = new CancellationTokenSource();
        var runner = new GeneratorRunner(sink, time);

        var run = Task.Run(() => runner.RunAsync(d, stop: stop.Token));
        var waits = 0;
        var report = await Drive(time, run, () =>
        {
            if (++waits == 20)
            {
                stop.Cancel();
            }
        });

        var sent = sink.Calls.SelectMany(c => c.Events).ToList();
        Assert.Equal(RunOutcome.Stopped, report.Outcome);
        Assert.Equal(sent.Count, report.Accepted);
        Assert.True(report.Skipped > 0);
        Assert.Equal(d.Events.Count, report.Accepted + report.Skipped);
        Assert.Equal(d.TruthOf(d.Events.Take(sent.Count)), report.Truth);
    }

    [Fact]
    public async Task A_failing_sink_fails_the_run_but_keeps_what_got_through()
    {
        var d = DatasetGenerator.Generate(Datasets.Small() with { Start = Now - TimeSpan.FromHours(2) });
        var time = new ObservedTimeProvider(Now);
        var calls = 0;
        var sink = new FakeSink(time) { Fail = _ => ++calls == 3 ? new EventSinkException("the API is gone") : null };
        var runner = new GeneratorRunner(sink, time, new RunnerOptions { MaxEventsPerSend = 100 });

        var ex = await Assert.ThrowsAsync<GeneratorRunException>(() => runner.RunAsync(d));
        Assert.Contains("the API is gone", ex.Message);
        Assert.Equal(RunOutcome.Failed, ex.Report.Outcome);
        Assert.Equal(200, ex.Report.Accepted);
        Assert.Equal(100, ex.Report.Unconfirmed);
        Assert.Equal(d.TruthOf(d.Events.Take(200)), ex.Report.Truth);
    }

    [Fact]
    public async Task Partial_results_of_a_failed_send_are_kept()
    {
        var d = DatasetGenerator.Generate(Datasets.Small() with { Start = Now - TimeSpan.FromHours(2) });
        var partial = new SinkItemResult?[d.Events.Count];
        for (var i = 0; i < 10; i++)
        {
            partial[i] = SinkItemResult.Accepted;
        }

        var time = new ObservedTimeProvider(Now);
        var sink = new FakeSink(time) { Fail = _ => new EventSinkException("half way", null, partial) };

        var ex = await Assert.ThrowsAsync<GeneratorRunException>(() => new GeneratorRunner(sink, time, new RunnerOptions { MaxEventsPerSend = int.MaxValue }).RunAsync(d));
        Assert.Equal(10, ex.Report.Accepted);
        Assert.Equal(d.Events.Count - 10, ex.Report.Unconfirmed);
    }
}
