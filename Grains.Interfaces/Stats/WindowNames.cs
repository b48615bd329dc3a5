namespace Insights.Stats;

public static class WindowNames
{
    public const string FiveMinutes = "5m";
    public const string OneHour = "1h";
    public const string OneDay = "24h";

    public static readonly IReadOnlyList<string> All = [FiveMinutes, OneHour, OneDay];

    public static bool IsKnown(string? name) => name is FiveMinutes or OneHour or OneDay;
}
