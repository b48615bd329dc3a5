namespace Insights.Generator;

using System.Text;
using System.Text.Json;
using Insights.Sentiment;
using Insights.Wire;

/// <summary>Why an event is in the stream.</summary>
public enum EventOrigin
{
    /// <summary>The first and only send of a video, comment or observation, at its own time.</summary>
    Original,

    /// <summary>A comment sent again with the same id, as an at-least-once source does.</summary>
    DuplicateComment,

    /// <summary>An engagement observation sent a second time.</summary>
    RepeatedObservation,

    /// <summary>An engagement observation sent only after a later observation of the same video.</summary>
    DelayedObservation,
}

/// <summary>One event of the stream: what is sent (<see cref="Event"/>) and when (<see cref="SendAt"/>).</summary>
/// <param name="Index">Position in <see cref="GeneratedDataset.Events"/>.</param>
/// <param name="SendAt">When a live source sends the event: never before the event's own time, always in [start, end].</param>
public sealed record GeneratedEvent(int Index, DateTimeOffset SendAt, EventOrigin Origin, WireEvent Event);

public sealed record GeneratedCreator(string Username, string RegionCode);

public enum VideoTier
{
    LongTail,
    Popular,
    Viral,
}

public sealed record GeneratedVideo
{
    public required string Id { get; init; }
    public required string Username { get; init; }
    public required DateTimeOffset CreateTime { get; init; }
    public required string RegionCode { get; init; }
    public required string Description { get; init; }
    public required IReadOnlyList<string> Hashtags { get; init; }
    public required string MusicId { get; init; }
    public required int DurationSeconds { get; init; }
    public required string Topic { get; init; }
    public required VideoTier Tier { get; init; }

    /// <summary>Views the video reaches at the end of the span.</summary>
    public required long FinalViews { get; init; }

    internal GrowthCurve Curve { get; init; }

    /// <summary>The true cumulative counters at <paramref name="time"/>; they never decrease as time goes on.</summary>
    public (long Views, long Likes, long Shares) CountersAt(DateTimeOffset time) =>
        Curve.CountersAt((time - CreateTime).TotalSeconds);
}

public sealed record GeneratedComment
{
    public required string Id { get; init; }
    public required string VideoId { get; init; }
    public string? ParentCommentId { get; init; }
    public required string Username { get; init; }
    public required DateTimeOffset CreateTime { get; init; }
    public required string Text { get; init; }

    /// <summary>The sentiment the text was written with. Known to the generator only; never sent.</summary>
    public required SentimentLabel Label { get; init; }

    /// <summary>The planted audience theme the text was written on, or null for a generic comment. Never sent.</summary>
    public string? Theme { get; init; }
}

/// <summary>A generated dataset: the actors, the comments with their intended labels, and the event stream in send order.</summary>
public sealed class GeneratedDataset
{
    private GroundTruth? _truth;

    internal GeneratedDataset(
        GeneratorOptions options,
        DateTimeOffset start,
        DateTimeOffset end,
        IReadOnlyList<GeneratedCreator> creators,
        IReadOnlyList<GeneratedVideo> videos,
        IReadOnlyList<GeneratedComment> comments,
        IReadOnlyList<GeneratedEvent> events)
    {
        Options = options;
        Start = start;
        End = end;
        Creators = creators;
        Videos = videos;
        Comments = comments;
        Events = events;
        CommentLabels = comments.ToDictionary(c => c.Id, c => c.Label, StringComparer.Ordinal);
        CommentThemes = comments.Where(c => c.Theme is not null).ToDictionary(c => c.Id, c => c.Theme!, StringComparer.Ordinal);
        VideoOwners = videos.ToDictionary(v => v.Id, v => v.Username, StringComparer.Ordinal);
    }

    public GeneratorOptions Options { get; }

    /// <summary>First second of the dataset (<see cref="GeneratorOptions.Start"/> rounded up to a whole second).</summary>
    public DateTimeOffset Start { get; }

    /// <summary>Last second of the dataset; every event time and send time lies in [<see cref="Start"/>, <see cref="End"/>].</summary>
    public DateTimeOffset End { get; }

    public IReadOnlyList<GeneratedCreator> Creators { get; }

    public IReadOnlyList<GeneratedVideo> Videos { get; }

    /// <summary>Distinct comments, each with its intended label.</summary>
    public IReadOnlyList<GeneratedComment> Comments { get; }

    /// <summary>The stream, ordered by send time.</summary>
    public IReadOnlyList<GeneratedEvent> Events { get; }

    public IReadOnlyDictionary<string, SentimentLabel> CommentLabels { get; }

    /// <summary>The planted theme of each themed comment, by comment id.</summary>
    public IReadOnlyDictionary<string, string> CommentThemes { get; }

    public IReadOnlyDictionary<string, string> VideoOwners { get; }

    /// <summary>The truth of the whole stream, as if every event was accepted.</summary>
    public GroundTruth Truth => _truth ??= TruthOf(Events);

    /// <summary>The truth of a subset of the stream, e.g. the events an ingest API accepted.</summary>
    public GroundTruth TruthOf(IEnumerable<GeneratedEvent> events) =>
        GroundTruth.Compute(events.Select(e => e.Event), CommentLabels, VideoOwners, Options.Seed, Start, End, CommentThemes);

    /// <summary>The stream as JSON Lines (one wire event per line, '\n' separated), in send order.</summary>
    public string ToJsonLines()
    {
        var sb = new StringBuilder(Events.Count * 160);
        foreach (var e in Events)
        {
            sb.Append(JsonSerializer.Serialize(e.Event, WireJson.EventInfo)).Append('\n');
        }

        return sb.ToString();
    }

    public async Task WriteJsonLinesAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var sink = new JsonLinesFileSink(path);
        await sink.SendAsync(Events.Select(e => e.Event).ToList(), cancellationToken);
    }
}
