namespace Insights.Dashboard.Tests;

using System.Text.Json.Nodes;

/// <summary>
/// Two videos and comments on four themes an audience talks about (shipping, a new flavour, the price, the song),
/// 12 per theme, so the day's topic model has themes to find. Video A gets mostly shipping and flavour comments,
/// video B mostly price and song ones, and each a few of the others', so each video has topics of its own.
/// </summary>
public static class ThemedComments
{
    public const string VideoA = "7500000000000000001";
    public const string VideoB = "7500000000000000002";

    private static readonly (string Theme, string[] Templates)[] Themes =
    [
        ("shipping", [
            "my package still has not shipped after {n} weeks", "shipping is so slow, where is my package", "the package arrived late again, shipping delays every time",
            "tracking says my package is delayed in shipping", "ordered {n} days ago and the package never shipped", "is shipping to {city} always this slow? still no package",
        ]),
        ("flavour", [
            "the new mango flavour tastes amazing", "tried the new flavour, mango tastes so fresh", "the new flavour tastes way too sweet",
            "is the mango flavour in stores in {city}?", "bring back the old flavour, the new one tastes weird", "{n} cans of the new mango flavour already",
        ]),
        ("price", [
            "the price is too expensive now", "why did the price go up to {n} dollars", "great price for {n} dollars honestly",
            "is there a discount on the price in {city}?", "the price keeps going up, too expensive", "{n} dollars is an expensive price for this",
        ]),
        ("song", [
            "what is the name of this song", "this song is stuck in my head all day", "who sings the song at the end",
            "added the song to my playlist, the beat is great", "need the full song please, the beat drop", "the song from {city} radio, love the beat",
        ]),
    ];

    private static readonly string[] Cities = ["Lisbon", "Austin", "Manila", "Lagos"];

    public static int Count => Themes.Sum(t => t.Templates.Length * 2);

    /// <summary>The videos and the comments, a second apart in the two minutes before <paramref name="now"/>.</summary>
    public static JsonArray Events(DateTimeOffset now)
    {
        var events = new JsonArray
        {
            Video(VideoA, "snack_shop", "Unboxing the new mango flavour", now.AddHours(-3)),
            Video(VideoB, "snack_shop", "Our summer ad with the new song", now.AddHours(-2)),
        };
        // From two minutes back, but never before the UTC day of now: the topics are a UTC day's.
        var start = new[] { now.AddSeconds(-120), new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero) }.Max();
        var i = 0;
        foreach (var (theme, templates) in Themes)
        {
            var home = theme is "shipping" or "flavour" ? VideoA : VideoB;
            var other = home == VideoA ? VideoB : VideoA;
            for (var round = 0; round < 2; round++)
            {
                for (var t = 0; t < templates.Length; t++)
                {
                    var text = templates[t].Replace("{n}", (2 + t + round * 5).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                        .Replace("{city}", Cities[(t + round) % Cities.Length], StringComparison.Ordinal);
                    // One comment in six goes to the other video.
                    var video = (t + round) % 6 == 5 ? other : home;
                    events.Add(Comment($"topic-{theme}-{round}-{t}", video, text, start.AddSeconds(i++)));
                }
            }
        }

        return events;
    }

    private static JsonObject Video(string id, string user, string description, DateTimeOffset created) => new()
    {
        ["type"] = "video", ["id"] = id, ["username"] = user, ["create_time"] = created.ToUnixTimeSeconds(),
        ["region_code"] = "US", ["video_description"] = description, ["hashtag_names"] = new JsonArray("snacks"),
    };

    private static JsonObject Comment(string id, string video, string text, DateTimeOffset at) => new()
    {
        ["type"] = "comment", ["id"] = id, ["video_id"] = video, ["text"] = text, ["create_time"] = at.ToUnixTimeSeconds(), ["username"] = "fan_" + id,
    };
}
