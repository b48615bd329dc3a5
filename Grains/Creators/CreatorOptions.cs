namespace Insights.Grains.Creators;

/// <summary>Bound from configuration section <c>Insights:Creators</c>.</summary>
public sealed class CreatorOptions
{
    public const string SectionName = "Insights:Creators";

    /// <summary>How often a creator grain writes its roll-up when a video reported (write-behind, like the leaderboard).</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Characters of each video's description kept in the roll-up, so a video costs a bounded amount of state.</summary>
    public int DescriptionLength { get; set; } = 150;

    /// <summary>Most videos one answer ranks.</summary>
    public int MaxLimit { get; set; } = 100;
}
