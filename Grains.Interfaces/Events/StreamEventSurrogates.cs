namespace Insights.Events;

using Orleans.Serialization.Cloning;

// The stream events are declared in Contracts, which carries no Orleans, so that producers, sources and the lake
// can use them without a cluster runtime. Orleans learns to serialize them here through surrogates, its way for types
// from assemblies it does not own. The events are immutable records, so copying one is returning it: without the
// copiers, memory streams would convert every event to its surrogate and back to copy it.

[GenerateSerializer, Immutable, Alias("insights.CommentPosted.v2")]
public readonly record struct CommentPostedSurrogate(
    [property: Id(0)] string VideoId,
    [property: Id(1)] DateTimeOffset IngestedAt,
    [property: Id(2)] string CommentId,
    [property: Id(3)] string Text,
    [property: Id(4)] long LikeCount,
    [property: Id(5)] long ReplyCount,
    [property: Id(6)] string? ParentCommentId,
    [property: Id(7)] DateTimeOffset CreateTime,
    [property: Id(8)] string Username);

[RegisterConverter]
public sealed class CommentPostedConverter : IConverter<CommentPosted, CommentPostedSurrogate>
{
    public CommentPosted ConvertFromSurrogate(in CommentPostedSurrogate s) => new()
    {
        VideoId = s.VideoId,
        IngestedAt = s.IngestedAt,
        CommentId = s.CommentId,
        Text = s.Text,
        LikeCount = s.LikeCount,
        ReplyCount = s.ReplyCount,
        ParentCommentId = s.ParentCommentId,
        CreateTime = s.CreateTime,
        Username = s.Username,
    };

    public CommentPostedSurrogate ConvertToSurrogate(in CommentPosted v) =>
        new(v.VideoId, v.IngestedAt, v.CommentId, v.Text, v.LikeCount, v.ReplyCount, v.ParentCommentId, v.CreateTime, v.Username);
}

[GenerateSerializer, Immutable, Alias("insights.EngagementObserved.v2")]
public readonly record struct EngagementObservedSurrogate(
    [property: Id(0)] string VideoId,
    [property: Id(1)] DateTimeOffset IngestedAt,
    [property: Id(2)] DateTimeOffset ObservedAt,
    [property: Id(3)] long ViewCount,
    [property: Id(4)] long LikeCount,
    [property: Id(5)] long ShareCount);

[RegisterConverter]
public sealed class EngagementObservedConverter : IConverter<EngagementObserved, EngagementObservedSurrogate>
{
    public EngagementObserved ConvertFromSurrogate(in EngagementObservedSurrogate s) => new()
    {
        VideoId = s.VideoId,
        IngestedAt = s.IngestedAt,
        ObservedAt = s.ObservedAt,
        ViewCount = s.ViewCount,
        LikeCount = s.LikeCount,
        ShareCount = s.ShareCount,
    };

    public EngagementObservedSurrogate ConvertToSurrogate(in EngagementObserved v) =>
        new(v.VideoId, v.IngestedAt, v.ObservedAt, v.ViewCount, v.LikeCount, v.ShareCount);
}

[GenerateSerializer, Immutable, Alias("insights.VideoPublished.v2")]
public readonly record struct VideoPublishedSurrogate(
    [property: Id(0)] string VideoId,
    [property: Id(1)] DateTimeOffset IngestedAt,
    [property: Id(2)] string Username,
    [property: Id(3)] DateTimeOffset CreateTime,
    [property: Id(4)] string? RegionCode,
    [property: Id(5)] string? VideoDescription,
    [property: Id(6)] IReadOnlyList<string> HashtagNames,
    [property: Id(7)] string? MusicId,
    [property: Id(8)] int DurationSeconds);

[RegisterConverter]
public sealed class VideoPublishedConverter : IConverter<VideoPublished, VideoPublishedSurrogate>
{
    public VideoPublished ConvertFromSurrogate(in VideoPublishedSurrogate s) => new()
    {
        VideoId = s.VideoId,
        IngestedAt = s.IngestedAt,
        Username = s.Username,
        CreateTime = s.CreateTime,
        RegionCode = s.RegionCode,
        VideoDescription = s.VideoDescription,
        HashtagNames = s.HashtagNames,
        MusicId = s.MusicId,
        DurationSeconds = s.DurationSeconds,
    };

    public VideoPublishedSurrogate ConvertToSurrogate(in VideoPublished v) =>
        new(v.VideoId, v.IngestedAt, v.Username, v.CreateTime, v.RegionCode, v.VideoDescription, v.HashtagNames, v.MusicId, v.DurationSeconds);
}

[RegisterCopier]
public sealed class CommentPostedCopier : ShallowCopier<CommentPosted>;

[RegisterCopier]
public sealed class EngagementObservedCopier : ShallowCopier<EngagementObserved>;

[RegisterCopier]
public sealed class VideoPublishedCopier : ShallowCopier<VideoPublished>;
