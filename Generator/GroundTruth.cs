namespace Insights.Generator;

using System.Text.Json;
using System.Text.Json.Serialization;
using Insights.Sentiment;
using Insights.Wire;

/// <summary>What a correct pipeline must report for one video.</summary>
public sealed record VideoTruth
{
    public required string VideoId { get; init; }

    /// <summary>The creator, or "" when neither the events nor the dataset name one.</summary>
    public required string Username { get; init; }

    /// <summary>Distinct comment ids.</summary>
    public long Comments { get; init; }

    /// <summary>Intended labels of the distinct comments.</summary>
    public long Positive { get; init; }
    public long Neutral { get; init; }
    public long Negative { get; init; }

    /// <summary>Maxima of the counters over the observations.</summary>
    public long Views { get; init; }
    public long Likes { get; init; }
    public long Shares { get; init; }
}

public sealed record TruthTotals
{
    /// <summary>Events counted, duplicates and repeats included.</summary>
    public long Events { get; init; }
    public long Videos { get; init; }
    public long VideoEvents { get; init; }
    public long CommentEvents { get; init; }
    public long DistinctComments { get; init; }

    /// <summary>Comment events whose id was already counted.</summary>
    public long DuplicatesSent { get; init; }
    public long EngagementObservations { get; init; }
    public long Positive { get; init; }
    public long Neutral { get; init; }
    public long Negative { get; init; }
    public long Views { get; init; }
    public long Likes { get; init; }
    public long Shares { get; init; }
}

/// <summary>
/// The expected outcome of a set of events: per video, distinct comments by intended label and the maxima of the
/// engagement counters. Serialized as snake_case JSON.
/// </summary>
public sealed record GroundTruth
{
    public int? Seed { get; init; }

    /// <summary>Unix seconds of the dataset's first and last second.</summary>
    public long? Start { get; init; }
    public long? End { get; init; }

    public required TruthTotals Totals { get; init; }

    /// <summary>Per video, ordered by video id (ordinal).</summary>
    public required IReadOnlyList<VideoTruth> Videos { get; init; }

    /// <summary>
    /// Distinct comments per planted audience theme, by theme name (ordinal order); null when the events came without
    /// themes (a truth file written before themes were planted).
    /// </summary>
    public IReadOnlyDictionary<string, long>? Themes { get; init; }

    public VideoTruth? Video(string videoId) => Videos.FirstOrDefault(v => v.VideoId == videoId);

    /// <summary>
    /// The truth of <paramref name="events"/>: every video named by an event gets an entry; a comment counts once
    /// per id (the first one seen); labels come from <paramref name="commentLabels"/> (a comment without a label
    /// counts as a comment but in no label); counters are the maxima over the observations; with
    /// <paramref name="commentThemes"/>, distinct comments are also counted per theme.
    /// </summary>
    public static GroundTruth Compute(
        IEnumerable<WireEvent> events,
        IReadOnlyDictionary<string, SentimentLabel> commentLabels,
        IReadOnlyDictionary<string, string>? videoOwners = null,
        int? seed = null,
        DateTimeOffset? start = null,
        DateTimeOffset? end = null,
        IReadOnlyDictionary<string, string>? commentThemes = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(commentLabels);
        var videos = new Dictionary<string, Acc>(StringComparer.Ordinal);
        var seenComments = new HashSet<string>(StringComparer.Ordinal);
        var themes = commentThemes is null ? null : new SortedDictionary<string, long>(StringComparer.Ordinal);
        long total = 0, videoEvents = 0, commentEvents = 0, duplicates = 0, observations = 0;

        Acc Get(string id)
        {
            if (!videos.TryGetValue(id, out var acc))
            {
                acc = new Acc();
                videos[id] = acc;
            }

            return acc;
        }

        foreach (var e in events)
        {
            total++;
            switch (e.Type)
            {
                case WireFields.TypeVideo:
                    videoEvents++;
                    Get(e.Id!).Username ??= e.Username;
                    break;
                case WireFields.TypeComment:
                    commentEvents++;
                    var acc = Get(e.VideoId!);
                    if (!seenComments.Add(e.Id!))
                    {
                        duplicates++;
                        break;
                    }

                    acc.Comments++;
                    if (commentLabels.TryGetValue(e.Id!, out var label))
                    {
                        acc.Labels[(int)label + 1]++;
                    }

                    if (themes is not null && commentThemes!.TryGetValue(e.Id!, out var theme))
                    {
                        themes[theme] = themes.GetValueOrDefault(theme) + 1;
                    }

                    break;
                case WireFields.TypeEngagement:
                    observations++;
                    var v = Get(e.VideoId!);
                    v.Views = Math.Max(v.Views, e.ViewCount ?? 0);
                    v.Likes = Math.Max(v.Likes, e.LikeCount ?? 0);
                    v.Shares = Math.Max(v.Shares, e.ShareCount ?? 0);
                    break;
                default:
                    throw new ArgumentException($"Unknown event type '{e.Type}'.", nameof(events));
            }
        }

        var list = videos
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new VideoTruth
            {
                VideoId = kv.Key,
                Username = kv.Value.Username ?? (videoOwners is not null && videoOwners.TryGetValue(kv.Key, out var u) ? u : ""),
                Comments = kv.Value.Comments,
                Negative = kv.Value.Labels[0],
                Neutral = kv.Value.Labels[1],
                Positive = kv.Value.Labels[2],
                Views = kv.Value.Views,
                Likes = kv.Value.Likes,
                Shares = kv.Value.Shares,
            })
            .ToList();

        return new GroundTruth
        {
            Seed = seed,
            Start = start?.ToUnixTimeSeconds(),
            End = end?.ToUnixTimeSeconds(),
            Totals = new TruthTotals
            {
                Events = total,
                Videos = list.Count,
                VideoEvents = videoEvents,
                CommentEvents = commentEvents,
                DistinctComments = seenComments.Count,
                DuplicatesSent = duplicates,
                EngagementObservations = observations,
                Positive = list.Sum(v => v.Positive),
                Neutral = list.Sum(v => v.Neutral),
                Negative = list.Sum(v => v.Negative),
                Views = list.Sum(v => v.Views),
                Likes = list.Sum(v => v.Likes),
                Shares = list.Sum(v => v.Shares),
            },
            Videos = list,
            Themes = themes,
        };
    }

    public string ToJson() => JsonSerializer.Serialize(this, GeneratorJsonContext.Default.GroundTruth);

    public static GroundTruth FromJson(string json) =>
        JsonSerializer.Deserialize(json, GeneratorJsonContext.Default.GroundTruth)
        ?? throw new JsonException("The ground truth is null.");

    public async Task WriteAsync(string path, CancellationToken cancellationToken = default)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }

        await File.WriteAllTextAsync(path, ToJson() + "\n", cancellationToken);
    }

    public static async Task<GroundTruth> ReadAsync(string path, CancellationToken cancellationToken = default) =>
        FromJson(await File.ReadAllTextAsync(path, cancellationToken));

    /// <summary>Records compare lists by reference; the truth compares by content.</summary>
    public bool Equals(GroundTruth? other) =>
        other is not null
        && Seed == other.Seed
        && Start == other.Start
        && End == other.End
        && Totals == other.Totals
        && Videos.SequenceEqual(other.Videos)
        && (Themes is null ? other.Themes is null : other.Themes is not null && Themes.OrderBy(t => t.Key, StringComparer.Ordinal).SequenceEqual(other.Themes.OrderBy(t => t.Key, StringComparer.Ordinal)));

    public override int GetHashCode() => HashCode.Combine(Seed, Start, End, Totals, Videos.Count);

    private sealed class Acc
    {
        public string? Username;
        public long Comments;
        public readonly long[] Labels = new long[3]; // negative, neutral, positive
        public long Views;
        public long Likes;
        public long Shares;
    }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GroundTruth))]
[JsonSerializable(typeof(IngestResponse))]
internal sealed partial class GeneratorJsonContext : JsonSerializerContext;
