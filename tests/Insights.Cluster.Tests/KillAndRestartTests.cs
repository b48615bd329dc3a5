namespace Insights.Cluster.Tests;

using System.Diagnostics;
using System.Globalization;
using Insights.Generator;
using Insights.Stats;
using Xunit.Abstractions;

/// <summary>
/// The delivery contract under failure, on three silo processes with Azure Storage queues (Azurite): a silo killed
/// with SIGKILL mid-run, and all three restarted gracefully one at a time under load. Either way every video ends
/// equal to the generator's ground truth: nothing lost, nothing counted twice. Figures are printed and appended to
/// <c>.local/cluster-figures.txt</c>, which the test script shows.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class KillAndRestartTests(ClusterFixture cluster, ITestOutputHelper output)
{
    private static readonly TimeSpan ConvergeTimeout = TimeSpan.FromMinutes(3);
    private static readonly HashSet<string> UsedVideoIds = [];

    [Fact]
    public async Task A_silo_killed_mid_run_loses_nothing_and_counts_nothing_twice()
    {
        var run = await StartOnFullClusterAsync(seed: 6101);

        // Killed mid-run, whatever this machine's speed: once the backlog (a quarter of the events) is accepted.
        await Until(() => Task.FromResult(run.Accepted >= run.Total / 4), TimeSpan.FromMinutes(3));

        var victim = cluster.Silos[1];
        var killedAt = run.Elapsed;
        victim.Kill();

        // Both measured from the kill: the cluster noticing, then every video's grain answering again (its
        // activation on the dead silo replaced by one on a survivor).
        var declaredDead = await Until(async () => await cluster.ActiveSilosAsync() == ClusterFixture.SiloCount - 1, TimeSpan.FromMinutes(2));
        await Until(run.AllVideosAnswerAsync, TimeSpan.FromMinutes(2));
        var recoveredAt = run.Elapsed;
        var recovery = recoveredAt - killedAt;

        var report = await run.CompleteAsync();
        var generatorDoneAt = run.Elapsed;
        var converged = await ConvergeAsync(report);

        // Caught up: every distinct comment accepted before the kill is counted, including those the dead silo had
        // read but not acknowledged, which come back once their visibility timeout ends. Sends follow dataset order.
        var commentsBeforeKill = report.AcceptedEvents.Take(run.AcceptedBy(killedAt))
            .Where(e => e.Event.Type == "comment").Select(e => e.Event.Id).Distinct().LongCount();
        var caughtUp = run.CountedAtLeast(commentsBeforeKill, killedAt) - killedAt;

        Report("kill -9 of one of 3 silos", run, report, converged, (killedAt, recoveredAt, generatorDoneAt),
            $"killed silo {victim.Index} at {Seconds(killedAt)}; declared dead after {Seconds(declaredDead)}; every video answering {Seconds(recovery)} after the kill (recovery time)",
            $"all {commentsBeforeKill} comments accepted before the kill counted {(caughtUp is { } c ? Seconds(c) : "only after the run")} after it");

        // Back to three for the next test, as Kubernetes would restart the pod.
        await cluster.RestartAsync(victim);
    }

    [Fact]
    public async Task A_rolling_restart_of_every_silo_under_load_loses_nothing_and_counts_nothing_twice()
    {
        var run = await StartOnFullClusterAsync(seed: 6202);
        await Task.Delay(TimeSpan.FromSeconds(8));

        var restarts = new List<string>();
        var rollingFrom = run.Elapsed;
        foreach (var silo in cluster.Silos)
        {
            var watch = Stopwatch.StartNew();
            await silo.StopGracefullyAsync(TimeSpan.FromSeconds(60));
            var stopped = watch.Elapsed;
            await cluster.RestartAsync(silo);
            restarts.Add($"silo {silo.Index}: stopped in {Seconds(stopped)}, ready again after {Seconds(watch.Elapsed)}");
            await Task.Delay(TimeSpan.FromSeconds(3));
        }

        var rollingTo = run.Elapsed;
        var report = await run.CompleteAsync();
        var generatorDoneAt = run.Elapsed;
        var converged = await ConvergeAsync(report);

        Report("rolling graceful restart of 3 silos", run, report, converged, (rollingFrom, rollingTo, generatorDoneAt),
            string.Join("; ", restarts));
    }

    /// <summary>Waits for all three silos to be active members, then starts the generator.</summary>
    private async Task<LoadRun> StartOnFullClusterAsync(int seed)
    {
        await cluster.EnsureAllRunningAsync();
        await Until(async () => await cluster.ActiveSilosAsync() == ClusterFixture.SiloCount, TimeSpan.FromMinutes(1));
        var run = NewRun(seed);
        run.Start();
        return run;
    }

    /// <summary>Prints the figures of a run whose disturbance lasted from <c>phases.From</c> to <c>phases.To</c>, then checks it.</summary>
    private void Report(
        string title, LoadRun run, RunReport report, Convergence converged, (TimeSpan From, TimeSpan To, TimeSpan End) phases, params string[] disturbance)
    {
        var before = run.RatesBetween(TimeSpan.Zero, phases.From);
        var during = run.RatesBetween(phases.From, phases.To);
        var after = run.RatesBetween(phases.To, phases.End);
        var highest = run.HighestSustained(TimeSpan.FromSeconds(5));
        Print(
            title,
            [
                $"{report.Accepted} events accepted ({report.Truth.Totals.DistinctComments} distinct comments, {report.Truth.Totals.DuplicatesSent} duplicates sent) over {report.Truth.Videos.Count} videos",
                .. disturbance,
                $"events/s accepted: before {before.Accepted:F0}, during {during.Accepted:F0}, after {after.Accepted:F0}",
                $"comments/s counted: before {before.Counted:F0}, during {during.Counted:F0}, after {after.Counted:F0}",
                $"highest sustained over 5 s: {highest.Accepted:F0} events/s accepted, {highest.Counted:F0} comments/s counted",
                $"every video equal to ground truth {Seconds(converged.After)} after the last event was accepted: {converged.Lost} lost, {converged.Extra} double-counted",
            ]);

        Assert.Equal(RunOutcome.Completed, report.Outcome);
        Assert.Equal(report.Total, report.Accepted);
        Assert.Empty(converged.Mismatches);
    }

    private LoadRun NewRun(int seed)
    {
        var run = new LoadRun(cluster, seed);
        lock (UsedVideoIds)
        {
            // Each run's truth is its own: a video shared with another run would mix the two.
            Assert.DoesNotContain(run.VideoIds, UsedVideoIds.Contains);
            UsedVideoIds.UnionWith(run.VideoIds);
        }

        return run;
    }

    /// <summary>Waits until every video's totals equal the truth of what the API accepted; reports what differs otherwise.</summary>
    private async Task<Convergence> ConvergeAsync(RunReport report)
    {
        var watch = Stopwatch.StartNew();
        var mismatches = new List<string>();
        long lost = 0, extra = 0;
        while (true)
        {
            mismatches.Clear();
            (lost, extra) = (0, 0);
            foreach (var truth in report.Truth.Videos)
            {
                Totals expected = new() { Views = truth.Views, Likes = truth.Likes, Shares = truth.Shares, Comments = truth.Comments };
                VideoStats? stats;
                try
                {
                    stats = await cluster.ClusterClient.GetGrain<IVideoGrain>(truth.VideoId).GetStats().WaitAsync(TimeSpan.FromSeconds(5));
                }
                catch (Exception ex)
                {
                    mismatches.Add($"{truth.VideoId}: no answer ({ex.GetType().Name})");
                    continue;
                }

                if (stats?.Totals != expected)
                {
                    var comments = stats?.Totals.Comments ?? 0;
                    lost += Math.Max(0, truth.Comments - comments);
                    extra += Math.Max(0, comments - truth.Comments);
                    mismatches.Add($"{truth.VideoId}: expected {expected}, got {stats?.Totals}");
                }
            }

            if (mismatches.Count == 0 || watch.Elapsed > ConvergeTimeout)
            {
                return new Convergence(watch.Elapsed, lost, extra, mismatches.ToList());
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private void Print(string title, string[] lines)
    {
        var text = $"[cluster] {title}\n" + string.Concat(lines.Select(l => $"[cluster]   {l}\n"));
        output.WriteLine(text);
        File.AppendAllText(Path.Combine(RepoRoot.Path, ".local", "cluster-figures.txt"), text);
    }

    private static async Task<TimeSpan> Until(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > timeout)
            {
                throw new TimeoutException($"Condition not met within {timeout}.");
            }

            await Task.Delay(200);
        }

        return watch.Elapsed;
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s";

    private sealed record Convergence(TimeSpan After, long Lost, long Extra, List<string> Mismatches);
}
