namespace Insights.Grains.Domain;

public static class EngagementMath
{
    /// <summary>(likes + comments + shares) / views, rounded to 4 places; 0 when nothing was viewed.</summary>
    public static double Rate(long likes, long comments, long shares, long views) =>
        views <= 0 ? 0 : Math.Round((double)(likes + comments + shares) / views, 4);
}
