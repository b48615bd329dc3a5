namespace Insights.Sources.TikTok;

using System.Text.Json;
using System.Text.Json.Serialization;

/// <summary>
/// What the TikTok source remembers across restarts (<see cref="ITikTokStateStore"/>): per query its last successful
/// poll and window, per video how far its comments were read, and the daily request budget left. Kept as its JSON
/// document (<see cref="TikTokStateJson"/>), so this library needs no serializer of the host's.
/// </summary>
public sealed class TikTokState
{
    [JsonPropertyName("version")] public int Version { get; set; } = 1;

    [JsonPropertyName("budget")] public BudgetState? Budget { get; set; }

    /// <summary>By query key: <c>username:&lt;name&gt;</c>, <c>hashtag:&lt;tags&gt;</c>, <c>video:&lt;id&gt;</c>.</summary>
    [JsonPropertyName("queries")] public Dictionary<string, QueryState> Queries { get; set; } = new(StringComparer.Ordinal);

    /// <summary>By video id.</summary>
    [JsonPropertyName("videos")] public Dictionary<string, VideoState> Videos { get; set; } = new(StringComparer.Ordinal);
}

public sealed class BudgetState
{
    [JsonPropertyName("day_tokens")] public double DayTokens { get; set; }

    [JsonPropertyName("at")] public DateTimeOffset At { get; set; }
}

public sealed class QueryState
{
    /// <summary>Start of the last poll that went through every page of every window (videos and their comments attempted).</summary>
    [JsonPropertyName("last_poll_at")] public DateTimeOffset? LastPollAt { get; set; }

    /// <summary>Start of the last poll, successful or not.</summary>
    [JsonPropertyName("last_attempt_at")] public DateTimeOffset? LastAttemptAt { get; set; }

    /// <summary>The window of creation dates (UTC, inclusive) of the last successful poll.</summary>
    [JsonPropertyName("last_window_start")] public DateOnly? LastWindowStart { get; set; }

    [JsonPropertyName("last_window_end")] public DateOnly? LastWindowEnd { get; set; }

    /// <summary>
    /// Every creation date up to this one has been read completely (it advances window by window). After an outage
    /// longer than the lookback, the next poll starts here, so videos created meanwhile are not skipped.
    /// </summary>
    [JsonPropertyName("completed_through")] public DateOnly? CompletedThrough { get; set; }
}

public sealed class VideoState
{
    [JsonPropertyName("create_time")] public long? CreateTime { get; set; }

    /// <summary>When a query last listed this video.</summary>
    [JsonPropertyName("last_seen_at")] public DateTimeOffset? LastSeenAt { get; set; }

    /// <summary>Index of the next comment to read: every comment before it has been delivered.</summary>
    [JsonPropertyName("comment_cursor")] public long CommentCursor { get; set; }

    /// <summary>The newest <c>create_time</c> among the comments delivered.</summary>
    [JsonPropertyName("newest_comment_time")] public long? NewestCommentTime { get; set; }

    /// <summary>The ids of the delivered comments created in that newest second.</summary>
    [JsonPropertyName("newest_comment_ids")] public List<string> NewestCommentIds { get; set; } = [];

    [JsonPropertyName("last_comment_poll_at")] public DateTimeOffset? LastCommentPollAt { get; set; }
}

/// <summary>The state's JSON document, versioned by <see cref="TikTokState.Version"/>.</summary>
public static class TikTokStateJson
{
    public static string Serialize(TikTokState state) => JsonSerializer.Serialize(state, TikTokStateJsonContext.Default.TikTokState);

    /// <summary>The state a document holds; a new state for none.</summary>
    public static TikTokState Deserialize(string? json) =>
        string.IsNullOrEmpty(json) ? new TikTokState() : JsonSerializer.Deserialize(json, TikTokStateJsonContext.Default.TikTokState) ?? new TikTokState();
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TikTokState))]
internal sealed partial class TikTokStateJsonContext : JsonSerializerContext;
