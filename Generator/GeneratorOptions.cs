namespace Insights.Generator;

/// <summary>
/// Everything that shapes a generated dataset. The same options (including <see cref="Start"/>) always give
/// the same dataset, byte for byte.
/// </summary>
public sealed record GeneratorOptions
{
    /// <summary>A fixed default start, so that options without a start are still deterministic.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public int Seed { get; init; } = 42;

    /// <summary>Number of creators (accounts that publish videos).</summary>
    public int Creators { get; init; } = 50;

    public int Videos { get; init; } = 200;

    /// <summary>Number of distinct comments; duplicates come on top of these.</summary>
    public int Comments { get; init; } = 20_000;

    /// <summary>Every event time and send time lies in [Start, Start + Span] (whole Unix seconds).</summary>
    public DateTimeOffset Start { get; init; } = DefaultStart;

    public TimeSpan Span { get; init; } = TimeSpan.FromHours(2);

    /// <summary>Videos are published in the first <c>PublishFraction</c> of the span, so each has time to grow.</summary>
    public double PublishFraction { get; init; } = 0.75;

    /// <summary>Share of videos that go viral (millions of views). At least one when there are 10 or more videos.</summary>
    public double ViralRate { get; init; } = 0.03;

    /// <summary>Share of videos that do well (tens to hundreds of thousands of views).</summary>
    public double PopularRate { get; init; } = 0.12;

    /// <summary>Share of comments that answer an earlier comment of the same video.</summary>
    public double ReplyRate { get; init; } = 0.12;

    /// <summary>Share of comments written on one of the planted audience themes (<see cref="AudienceThemes"/>); the others are generic.</summary>
    public double ThemeRate { get; init; } = 0.5;

    /// <summary>Intended sentiment mix of comments; normalized, so 45/30/25 and 0.45/0.30/0.25 are the same.</summary>
    public double PositiveShare { get; init; } = 0.45;

    public double NeutralShare { get; init; } = 0.30;

    public double NegativeShare { get; init; } = 0.25;

    /// <summary>Duplicates sent per distinct comment: that many comments (rounded) are re-sent once with the same id.</summary>
    public double DuplicateRate { get; init; } = 0.02;

    /// <summary>Repeats per engagement observation: that many observations (rounded) are sent a second time.</summary>
    public double EngagementRepeatRate { get; init; } = 0.02;

    /// <summary>Share of engagement observations sent only after the next observation of the same video.</summary>
    public double EngagementOutOfOrderRate { get; init; } = 0.02;

    /// <summary>How often a poller observes the counters of each video.</summary>
    public TimeSpan EngagementInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Latest delay of a duplicated comment after the original.</summary>
    public TimeSpan MaxDuplicateDelay { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        Require(Creators >= 0, nameof(Creators), "must not be negative");
        Require(Videos >= 0, nameof(Videos), "must not be negative");
        Require(Comments >= 0, nameof(Comments), "must not be negative");
        Require(Videos == 0 || Creators > 0, nameof(Creators), "must be at least 1 when there are videos");
        Require(Comments == 0 || Videos > 0, nameof(Videos), "must be at least 1 when there are comments");
        Require(Span >= TimeSpan.FromMinutes(1), nameof(Span), "must be at least one minute");
        Require(Span <= TimeSpan.FromDays(3650), nameof(Span), "must be at most ten years");
        Require(Start >= new DateTimeOffset(2016, 9, 1, 0, 0, 0, TimeSpan.Zero), nameof(Start), "must not be before 2016-09-01 (ingestion refuses older events)");
        Require(Start.Year < 9000, nameof(Start), "is too far in the future");
        Require(PublishFraction is > 0 and <= 1, nameof(PublishFraction), "must be in (0, 1]");
        RequireRate(ViralRate, nameof(ViralRate));
        RequireRate(PopularRate, nameof(PopularRate));
        Require(ViralRate + PopularRate <= 1, nameof(PopularRate), "plus ViralRate must not exceed 1");
        RequireRate(ReplyRate, nameof(ReplyRate));
        RequireRate(ThemeRate, nameof(ThemeRate));
        Require(PositiveShare >= 0 && NeutralShare >= 0 && NegativeShare >= 0, nameof(PositiveShare), "sentiment shares must not be negative");
        Require(PositiveShare + NeutralShare + NegativeShare > 0, nameof(PositiveShare), "sentiment shares must not all be zero");
        RequireRate(DuplicateRate, nameof(DuplicateRate));
        RequireRate(EngagementRepeatRate, nameof(EngagementRepeatRate));
        Require(EngagementOutOfOrderRate is >= 0 and <= 0.5, nameof(EngagementOutOfOrderRate), "must be in [0, 0.5]");
        Require(EngagementInterval >= TimeSpan.FromSeconds(1), nameof(EngagementInterval), "must be at least one second");
        Require(MaxDuplicateDelay >= TimeSpan.FromSeconds(1), nameof(MaxDuplicateDelay), "must be at least one second");
    }

    /// <summary>The configured mix, normalized to sum to 1: (positive, neutral, negative).</summary>
    public (double Positive, double Neutral, double Negative) NormalizedMix
    {
        get
        {
            var sum = PositiveShare + NeutralShare + NegativeShare;
            return (PositiveShare / sum, NeutralShare / sum, NegativeShare / sum);
        }
    }

    private static void RequireRate(double value, string name) => Require(value is >= 0 and <= 1, name, "must be in [0, 1]");

    private static void Require(bool ok, string name, string problem)
    {
        if (!ok)
        {
            throw new ArgumentException($"{name} {problem}.", name);
        }
    }
}
