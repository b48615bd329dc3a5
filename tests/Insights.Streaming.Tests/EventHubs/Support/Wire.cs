namespace Insights.Streaming.Tests.EventHubs.Support;

using System.Globalization;

/// <summary>Wire JSON of valid events, one per message, at fixed times before <see cref="Now"/>.</summary>
internal static class Wire
{
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static long At(int minutesAgo) => Now.AddMinutes(-minutesAgo).ToUnixTimeSeconds();

    public static string Comment(string videoId, string commentId, string text = "nice one", int minutesAgo = 10) =>
        string.Create(CultureInfo.InvariantCulture,
            $$"""{"type":"comment","id":"{{commentId}}","video_id":"{{videoId}}","text":"{{text}}","create_time":{{At(minutesAgo)}},"like_count":1}""");

    public static string Engagement(string videoId, long views, int minutesAgo = 5) =>
        string.Create(CultureInfo.InvariantCulture,
            $$"""{"type":"engagement","video_id":"{{videoId}}","time":{{At(minutesAgo)}},"view_count":{{views}},"like_count":3,"share_count":1}""");

    public static string Video(string videoId, int minutesAgo = 60) =>
        string.Create(CultureInfo.InvariantCulture,
            $$"""{"type":"video","id":"{{videoId}}","username":"chef_ana","create_time":{{At(minutesAgo)}},"hashtag_names":["cooking"],"duration":31}""");
}
