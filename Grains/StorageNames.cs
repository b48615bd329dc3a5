namespace Insights.Grains;

public static class StorageNames
{
    /// <summary>The grain storage provider that holds video and leaderboard state.</summary>
    public const string Grains = "insights";
}
