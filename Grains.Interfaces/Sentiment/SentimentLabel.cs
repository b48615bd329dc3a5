namespace Insights.Sentiment;

[GenerateSerializer, Alias("insights.SentimentLabel")]
public enum SentimentLabel
{
    Negative = -1,
    Neutral = 0,
    Positive = 1,
}
