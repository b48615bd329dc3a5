namespace Insights.Tools.Topics;

using System.Globalization;
using Insights.Topics;
using Spectre.Console;

/// <summary>A day's topics as a table: rank, label, top terms, volume, sentiment and change against the day before.</summary>
public static class TopicsTable
{
    public const int TermsShown = 5;

    public static Table Create(DayTopics day, int limit)
    {
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn("#", c => c.RightAligned());
        table.AddColumn("topic");
        table.AddColumn("top terms");
        table.AddColumn("comments", c => c.RightAligned());
        table.AddColumn("videos", c => c.RightAligned());
        table.AddColumn("score", c => c.RightAligned());
        table.AddColumn("pos/neu/neg", c => c.RightAligned());
        table.AddColumn("change", c => c.RightAligned());
        foreach (var (topic, rank) in day.Topics.Take(limit).Select((t, i) => (t, i + 1)))
        {
            table.AddRow(
                Text(rank.ToString(CultureInfo.InvariantCulture)),
                Text(topic.Label),
                Text(string.Join(", ", topic.Terms.Take(TermsShown).Select(t => t.Term))),
                Text(topic.Comments.ToString("N0", CultureInfo.InvariantCulture)),
                Text(topic.Videos.ToString("N0", CultureInfo.InvariantCulture)),
                Text(topic.Sentiment.Score.ToString("F1", CultureInfo.InvariantCulture)),
                Text(Shares(topic)),
                Text(topic.Change is { } change ? change.ToString("+#,0;-#,0;0", CultureInfo.InvariantCulture) : "new"));
        }

        table.Caption($"{Math.Min(limit, day.Topics.Count)} of {day.Topics.Count} topics; score = (mean P(positive) - mean P(negative)) x 100");
        return table;
    }

    /// <summary>Positive, neutral and negative shares of the topic's comments, in whole percent.</summary>
    public static string Shares(TopicStats topic)
    {
        var s = topic.Sentiment;
        var n = Math.Max(1, s.Positive + s.Neutral + s.Negative);
        return string.Create(CultureInfo.InvariantCulture, $"{100.0 * s.Positive / n:F0}/{100.0 * s.Neutral / n:F0}/{100.0 * s.Negative / n:F0}%");
    }

    private static Text Text(string value) => new(value);
}
