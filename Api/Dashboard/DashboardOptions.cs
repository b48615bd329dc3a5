namespace Insights.Api.Dashboard;

/// <summary>Settings of the live dashboard (<c>Insights:Dashboard</c>).</summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Insights:Dashboard";

    /// <summary>How often the streams push (at most; nothing is sent when nothing changed).</summary>
    public TimeSpan PushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Videos listed per ranking on the overview.</summary>
    public int TopLimit { get; set; } = 10;
}
