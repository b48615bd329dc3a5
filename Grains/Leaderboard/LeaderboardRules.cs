namespace Insights.Grains.Leaderboard;

using System.Globalization;
using Insights.Leaderboard;
using Insights.Stats;

/// <summary>
/// The rule of each ranking: which videos it admits and the figure it ranks them on.
/// <list type="bullet">
/// <item>Comments: the count in the window; any video with a comment in it.</item>
/// <item>Engagement: (likes + comments + shares) / views gained in the window, for videos with at least
/// <see cref="LeaderboardOptions.MinViews"/> views in it, shrunk toward the pooled rate of every video active in the
/// window with <see cref="LeaderboardOptions.EngagementPriorViews"/> as the prior weight (<see cref="BayesianAverage"/>).</item>
/// <item>Sentiment: the score of the window's scored comments, for videos with at least
/// <see cref="LeaderboardOptions.MinComments"/> of them, shrunk toward the comment-weighted mean score of every video
/// active in the window with <see cref="LeaderboardOptions.SentimentPriorComments"/> as the prior weight.</item>
/// </list>
/// </summary>
public sealed class LeaderboardRules
{
    private readonly Func<WindowStats, double?> _score;

    private LeaderboardRules(RankingRule rule, Func<WindowStats, double?> score)
    {
        Rule = rule;
        _score = score;
    }

    public RankingRule Rule { get; }

    /// <summary>The rule for one metric and window, its mean taken over <paramref name="active"/>: the window figures of every video active in it.</summary>
    public static LeaderboardRules For(LeaderboardMetric by, string window, LeaderboardOptions options, IReadOnlyCollection<WindowStats> active)
    {
        var overrides = options.Windows.GetValueOrDefault(window);
        var label = LeaderboardWindows.Label(window);
        return by switch
        {
            LeaderboardMetric.Comments => Comments(window, label),
            LeaderboardMetric.Engagement => Engagement(
                window, label, overrides?.MinViews ?? options.MinViews, overrides?.EngagementPriorViews ?? options.EngagementPriorViews, active),
            LeaderboardMetric.Sentiment => Sentiment(
                window, label, overrides?.MinComments ?? options.MinComments, overrides?.SentimentPriorComments ?? options.SentimentPriorComments, active),
            _ => throw new ArgumentOutOfRangeException(nameof(by), by, "unknown metric"),
        };
    }

    private static LeaderboardRules Comments(string window, string label) => new(
        new RankingRule
        {
            Metric = LeaderboardMetric.Comments,
            Window = window,
            MinComments = 1,
            Description = $"Comments posted in the {label}; every video with a comment in it is ranked (a count needs no minimum).",
        },
        s => s.Comments > 0 ? s.Comments : null);

    private static LeaderboardRules Engagement(string window, string label, long minViews, double m, IReadOnlyCollection<WindowStats> active)
    {
        var prior = BayesianAverage.PooledMean(active.Select(s => ((double)Interactions(s), (double)Math.Max(0, s.Views))));
        return new LeaderboardRules(
            new RankingRule
            {
                Metric = LeaderboardMetric.Engagement,
                Window = window,
                MinViews = minViews,
                PriorWeight = m,
                Prior = prior,
                Description =
                    Invariant($"Engagement rate (likes + comments + shares) / views gained in the {label}, for videos with at least {minViews:N0} views in it, ") +
                    Invariant($"shrunk toward the rate of all videos in the window ({prior * 100:0.00} %) by {m:N0} views: ") +
                    Invariant($"(interactions + {m:N0} × {prior * 100:0.00} %) / (views + {m:N0})."),
            },
            s => s.Views >= minViews ? BayesianAverage.Of(Interactions(s), s.Views, prior, m) : null);
    }

    private static LeaderboardRules Sentiment(string window, string label, long minComments, double m, IReadOnlyCollection<WindowStats> active)
    {
        var prior = BayesianAverage.PooledMean(active.Select(s => (Scored(s) * s.Sentiment.Score, (double)Scored(s))));
        return new LeaderboardRules(
            new RankingRule
            {
                Metric = LeaderboardMetric.Sentiment,
                Window = window,
                MinComments = minComments,
                PriorWeight = m,
                Prior = prior,
                Description =
                    Invariant($"Sentiment score of the comments of the {label}, for videos with at least {minComments:N0} scored comments in it, ") +
                    Invariant($"shrunk toward the score of all comments in the window ({prior:0.0}) by {m:N0} comments: ") +
                    Invariant($"(comments × score + {m:N0} × {prior:0.0}) / (comments + {m:N0})."),
            },
            s => Scored(s) >= minComments ? BayesianAverage.Of(Scored(s) * s.Sentiment.Score, Scored(s), prior, m) : null);
    }

    /// <summary>The figure ranked on, or null when the video does not qualify.</summary>
    public double? Score(WindowStats stats) => _score(stats);

    private static long Interactions(WindowStats s) => Math.Max(0, s.Likes) + Math.Max(0, s.Comments) + Math.Max(0, s.Shares);

    private static long Scored(WindowStats s) => s.Sentiment.Positive + s.Sentiment.Neutral + s.Sentiment.Negative;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
