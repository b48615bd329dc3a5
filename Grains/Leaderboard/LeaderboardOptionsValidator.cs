namespace Insights.Grains.Leaderboard;

using Insights.Stats;
using Microsoft.Extensions.Options;

/// <summary>Checks <c>Insights:Leaderboard</c> at silo start; every failure names its key.</summary>
public sealed class LeaderboardOptionsValidator : IValidateOptions<LeaderboardOptions>
{
    private const string Section = LeaderboardOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, LeaderboardOptions options)
    {
        var failures = new List<string>();
        if (options.FlushInterval <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:FlushInterval {options.FlushInterval} must be positive.");
        }

        if (options.MaxLimit < 1)
        {
            failures.Add($"{Section}:MaxLimit {options.MaxLimit} must be at least 1.");
        }

        Check(Section, options.MinViews, options.MinComments, options.EngagementPriorViews, options.SentimentPriorComments, failures);
        foreach (var (window, overrides) in options.Windows)
        {
            var prefix = $"{Section}:Windows:{window}";
            if (!WindowNames.IsKnown(window))
            {
                failures.Add($"{prefix} is not a window (use {string.Join(", ", WindowNames.All)}).");
                continue;
            }

            Check(prefix, overrides.MinViews, overrides.MinComments, overrides.EngagementPriorViews, overrides.SentimentPriorComments, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(string prefix, long? minViews, long? minComments, double? priorViews, double? priorComments, List<string> failures)
    {
        // A rate needs a denominator: with no minimum and no prior, a video without views or comments would divide by zero.
        if (minViews < 1)
        {
            failures.Add($"{prefix}:MinViews {minViews} must be at least 1.");
        }

        if (minComments < 1)
        {
            failures.Add($"{prefix}:MinComments {minComments} must be at least 1.");
        }

        if (priorViews is { } v && !(v >= 0 && double.IsFinite(v)))
        {
            failures.Add($"{prefix}:EngagementPriorViews {v} must be a number of at least 0.");
        }

        if (priorComments is { } c && !(c >= 0 && double.IsFinite(c)))
        {
            failures.Add($"{prefix}:SentimentPriorComments {c} must be a number of at least 0.");
        }
    }
}
