namespace Insights.Api.Dashboard;

using Insights.Alerts;
using Insights.Leaderboard;
using Insights.Stats;
using Microsoft.Extensions.Options;

/// <summary>What <c>GET /api/dashboard/stream</c> pushes.</summary>
public sealed record OverviewSnapshot
{
    public DateTimeOffset GeneratedAt { get; init; }
    /// <summary>Window of the three rankings.</summary>
    public string Window { get; init; } = WindowNames.FiveMinutes;
    public IReadOnlyList<LeaderboardEntry> TopEngagement { get; init; } = [];
    public IReadOnlyList<LeaderboardEntry> TopComments { get; init; } = [];
    public IReadOnlyList<LeaderboardEntry> TopSentiment { get; init; } = [];
    /// <summary>Sum of the all-time totals of every video with an event in the last day, as of their last reports.</summary>
    public OverviewTotals Totals { get; init; } = new();
    /// <summary>
    /// Hashtags of the videos active in the last 24 hours (weighted by 1 + their comments in it) and of their comments
    /// (<see cref="ILeaderboardGrain.TrendingHashtags"/>).
    /// </summary>
    public IReadOnlyList<TermCount> TrendingHashtags { get; init; } = [];
    /// <summary>Alerts the cluster fired in the last <see cref="DashboardSnapshots.AlertsShownFor"/>, newest first.</summary>
    public IReadOnlyList<Alert> Alerts { get; init; } = [];
    /// <summary>The cluster's alert rules with their thresholds, in words.</summary>
    public IReadOnlyList<string> AlertRules { get; init; } = [];
    /// <summary>How each ranking admits and scores videos, shown under its table.</summary>
    public RankingRules Rules { get; init; } = new();
}

/// <summary>The rules of the overview's three rankings, as the leaderboard applies them now.</summary>
public sealed record RankingRules
{
    public RankingRule? Engagement { get; init; }
    public RankingRule? Comments { get; init; }
    public RankingRule? Sentiment { get; init; }
}

public sealed record OverviewTotals
{
    /// <summary>Videos the totals are summed over.</summary>
    public int Videos { get; init; }
    public long Views { get; init; }
    public long Likes { get; init; }
    public long Shares { get; init; }
    public long Comments { get; init; }
}

/// <summary>What <c>GET /api/dashboard/videos/{id}/stream</c> pushes.</summary>
public sealed record VideoSnapshot
{
    public DateTimeOffset GeneratedAt { get; init; }
    public VideoStats? Stats { get; init; }
    /// <summary>The video's newest alert of the last <see cref="DashboardSnapshots.AlertsShownFor"/>, as the cluster fired it.</summary>
    public Alert? Alert { get; init; }
}

/// <summary>
/// Builds the dashboard's snapshots from the leaderboard and the video grains. The overview is computed at most
/// once per push interval however many pages watch it. Alerts are the cluster's (<see cref="IAlertsGrain"/>), the
/// same ones the webhooks get: the pages evaluate no rule of their own.
/// </summary>
public sealed class DashboardSnapshots(IClusterClient cluster, IOptions<DashboardOptions> options, TimeProvider clock)
{
    /// <summary>How long an alert stays on the pages.</summary>
    public static readonly TimeSpan AlertsShownFor = TimeSpan.FromHours(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private OverviewSnapshot? _overview;

    private DashboardOptions Options => options.Value;

    public async Task<OverviewSnapshot> GetOverviewAsync(CancellationToken cancellationToken)
    {
        if (Fresh(_overview) is { } cached)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(_overview) is { } again)
            {
                return again;
            }

            _overview = await BuildOverviewAsync();
            return _overview;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<VideoSnapshot> GetVideoAsync(string id)
    {
        var stats = cluster.GetGrain<IVideoGrain>(id).GetStats();
        var alerts = Alerts().Recent(1, id);
        await Task.WhenAll(stats, alerts);
        var now = clock.GetUtcNow();
        return new VideoSnapshot
        {
            GeneratedAt = now,
            Stats = stats.Result,
            Alert = alerts.Result.Select(r => r.Alert).FirstOrDefault(a => now - a.FiredAt < AlertsShownFor),
        };
    }

    private OverviewSnapshot? Fresh(OverviewSnapshot? snapshot) =>
        snapshot is not null && clock.GetUtcNow() - snapshot.GeneratedAt < Options.PushInterval ? snapshot : null;

    private async Task<OverviewSnapshot> BuildOverviewAsync()
    {
        var o = Options;
        var limit = Math.Clamp(o.TopLimit, 1, 100);
        var leaderboard = cluster.GetGrain<ILeaderboardGrain>(ILeaderboardGrain.GlobalKey);
        const string window = WindowNames.FiveMinutes;
        var engagement = leaderboard.Top(LeaderboardMetric.Engagement, window, limit);
        var comments = leaderboard.Top(LeaderboardMetric.Comments, window, limit);
        var sentiment = leaderboard.Top(LeaderboardMetric.Sentiment, window, limit);
        var overview = leaderboard.Overview();
        var hashtags = leaderboard.TrendingHashtags(WindowNames.OneDay, limit);
        var engagementRule = leaderboard.Rule(LeaderboardMetric.Engagement, window);
        var commentsRule = leaderboard.Rule(LeaderboardMetric.Comments, window);
        var sentimentRule = leaderboard.Rule(LeaderboardMetric.Sentiment, window);
        var alerts = Alerts().Recent(limit, null);
        var rules = Alerts().DescribeRules();
        await Task.WhenAll(engagement, comments, sentiment, overview, hashtags, engagementRule, commentsRule, sentimentRule, alerts, rules);

        var now = clock.GetUtcNow();
        return new OverviewSnapshot
        {
            GeneratedAt = now,
            Window = window,
            TopEngagement = engagement.Result,
            TopComments = comments.Result,
            TopSentiment = sentiment.Result,
            Totals = new OverviewTotals
            {
                Videos = overview.Result.Videos,
                Views = overview.Result.Totals.Views,
                Likes = overview.Result.Totals.Likes,
                Shares = overview.Result.Totals.Shares,
                Comments = overview.Result.Totals.Comments,
            },
            TrendingHashtags = hashtags.Result,
            Alerts = alerts.Result.Select(r => r.Alert).Where(a => now - a.FiredAt < AlertsShownFor).ToList(),
            AlertRules = rules.Result,
            Rules = new RankingRules { Engagement = engagementRule.Result, Comments = commentsRule.Result, Sentiment = sentimentRule.Result },
        };
    }

    private IAlertsGrain Alerts() => cluster.GetGrain<IAlertsGrain>(IAlertsGrain.GlobalKey);
}
