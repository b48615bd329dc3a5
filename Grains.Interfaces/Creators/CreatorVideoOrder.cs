namespace Insights.Creators;

/// <summary>How a creator's videos are ranked: all-time engagement rate, comment count or view count.</summary>
[GenerateSerializer, Alias("insights.CreatorVideoOrder")]
public enum CreatorVideoOrder
{
    Engagement,
    Comments,
    Views,
}
