namespace Insights.Api.Export;

using Insights.Series;

/// <summary>A video's series as CSV: one line per bucket, oldest first.</summary>
public static class SeriesCsv
{
    public static readonly string[] Columns =
        ["start", "comments", "views", "likes", "shares", "engagement_rate", "positive", "neutral", "negative", "mean_score", "sentiment_score"];

    public static string Write(VideoSeries series)
    {
        var csv = new CsvWriter().Header(Columns);
        foreach (var b in series.Buckets)
        {
            csv.Time(b.Start).Number(b.Comments).Number(b.Views).Number(b.Likes).Number(b.Shares).Number(b.EngagementRate)
                .Number(b.Sentiment.Positive).Number(b.Sentiment.Neutral).Number(b.Sentiment.Negative)
                .Number(b.Sentiment.MeanScore).Number(b.Sentiment.Score)
                .EndLine();
        }

        return csv.Output.ToString();
    }
}
