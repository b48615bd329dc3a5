namespace Insights.Api.Dashboard;

/// <summary>Settings of the live dashboard (<c>Insights:Dashboard</c>).</summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Insights:Dashboard";

    /// <summary>Points between a video's 5-minute and 1-hour sentiment scores above which it is flagged.</summary>
    public double AlertDelta { get; set; } = 30;

    /// <summary>Comments a video needs in the 5-minute window before it can be flagged.</summary>
    public int AlertMinComments { get; set; } = 5;

    /// <summary>How often the streams push (at most; nothing is sent when nothing changed).</summary>
    public TimeSpan PushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Videos listed per ranking on the overview.</summary>
    public int TopLimit { get; set; } = 10;

    /// <summary>Busiest videos of the last 24 hours checked for sentiment alerts besides those listed in the rankings.</summary>
    public int HashtagVideos { get; set; } = 20;
}
