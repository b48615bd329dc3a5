namespace Insights.Grains.Topics;

using Insights.Lake.Records;
using Insights.Stats;
using Insights.Topics;
using Insights.Topics.Building;

/// <summary>The topics zone's rows as the API answers them (<see cref="DayTopics"/>, <see cref="VideoTopics"/>).</summary>
public static class TopicViews
{
    /// <param name="comments">Comments the build read, when known (the lake keeps only those with a topic).</param>
    public static DayTopics Day(DateOnly date, StoredDayTopics? stored, long? comments = null) => stored is null
        ? new DayTopics { Date = date }
        : new DayTopics
        {
            Date = date,
            BuiltAt = stored.BuiltAt is { } builtAt ? new DateTimeOffset(builtAt, TimeSpan.Zero) : null,
            Comments = comments ?? stored.Topics.Sum(t => t.Comments),
            Model = stored.Topics.Count == 0 ? "" : stored.Topics[0].Model,
            Topics = stored.Topics.Select(t => Stats(t, stored)).ToList(),
        };

    /// <summary>One video's topics: its own comments and sentiment per topic; the day's label, terms, videos and change.</summary>
    public static VideoTopics Video(string videoId, DateOnly date, StoredDayTopics? stored, IEnumerable<VideoTopicRow> rows)
    {
        if (stored is null)
        {
            return new VideoTopics { VideoId = videoId, Date = date };
        }

        var day = stored.Topics.ToDictionary(t => t.TopicId, StringComparer.Ordinal);
        var topics = rows
            .Where(r => r.VideoId == videoId && day.ContainsKey(r.TopicId))
            .OrderByDescending(r => r.Comments).ThenBy(r => r.TopicId, StringComparer.Ordinal)
            .Select(r => Stats(day[r.TopicId], stored) with
            {
                Comments = r.Comments,
                Sentiment = new SentimentSummary
                {
                    Positive = r.Positive, Neutral = r.Neutral, Negative = r.Negative, MeanScore = r.MeanScore, Score = r.SentimentScore,
                },
            })
            .ToList();
        return new VideoTopics
        {
            VideoId = videoId,
            Date = date,
            BuiltAt = stored.BuiltAt is { } builtAt ? new DateTimeOffset(builtAt, TimeSpan.Zero) : null,
            Comments = topics.Sum(t => t.Comments),
            Topics = topics,
        };
    }

    private static TopicStats Stats(TopicRow topic, StoredDayTopics stored) => new()
    {
        Id = topic.TopicId,
        Label = topic.Label,
        Terms = stored.TermsOf(topic.TopicId).Select(t => new TopicTerm { Term = t.Term, Weight = t.Weight }).ToList(),
        Comments = topic.Comments,
        Videos = topic.Videos,
        Sentiment = new SentimentSummary
        {
            Positive = topic.Positive, Neutral = topic.Neutral, Negative = topic.Negative, MeanScore = topic.MeanScore, Score = topic.SentimentScore,
        },
        Change = topic.PreviousComments is { } previous ? topic.Comments - previous : null,
        PreviousComments = topic.PreviousComments,
    };
}
