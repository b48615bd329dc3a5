namespace Insights.Sources.TikTok;

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

/// <summary>The <c>error</c> object every Research API answer carries; <c>code</c> is <c>ok</c> on success.</summary>
public sealed record ResearchError
{
    [JsonPropertyName("code")] public string? Code { get; init; }
    [JsonPropertyName("message")] public string? Message { get; init; }
    [JsonPropertyName("log_id")] public string? LogId { get; init; }
}

/// <summary>A video object of <c>/v2/research/video/query/</c>, with the fields the source asks for.</summary>
public sealed record ResearchVideo
{
    [JsonPropertyName("id"), JsonConverter(typeof(FlexibleIdConverter))] public string? Id { get; init; }
    [JsonPropertyName("username")] public string? Username { get; init; }
    [JsonPropertyName("create_time")] public long? CreateTime { get; init; }
    [JsonPropertyName("region_code")] public string? RegionCode { get; init; }
    [JsonPropertyName("video_description")] public string? VideoDescription { get; init; }
    [JsonPropertyName("music_id"), JsonConverter(typeof(FlexibleIdConverter))] public string? MusicId { get; init; }
    [JsonPropertyName("hashtag_names")] public List<string>? HashtagNames { get; init; }
    [JsonPropertyName("view_count")] public long? ViewCount { get; init; }
    [JsonPropertyName("like_count")] public long? LikeCount { get; init; }
    [JsonPropertyName("share_count")] public long? ShareCount { get; init; }
    [JsonPropertyName("comment_count")] public long? CommentCount { get; init; }
    [JsonPropertyName("voice_to_text")] public string? VoiceToText { get; init; }
}

/// <summary>A comment object of <c>/v2/research/video/comment/list/</c>.</summary>
public sealed record ResearchComment
{
    [JsonPropertyName("id"), JsonConverter(typeof(FlexibleIdConverter))] public string? Id { get; init; }
    [JsonPropertyName("video_id"), JsonConverter(typeof(FlexibleIdConverter))] public string? VideoId { get; init; }
    [JsonPropertyName("text")] public string? Text { get; init; }
    [JsonPropertyName("like_count")] public long? LikeCount { get; init; }
    [JsonPropertyName("reply_count")] public long? ReplyCount { get; init; }
    [JsonPropertyName("parent_comment_id"), JsonConverter(typeof(FlexibleIdConverter))] public string? ParentCommentId { get; init; }
    [JsonPropertyName("create_time")] public long? CreateTime { get; init; }
}

public sealed record VideoQueryData
{
    [JsonPropertyName("videos")] public List<ResearchVideo>? Videos { get; init; }
    [JsonPropertyName("cursor")] public long? Cursor { get; init; }
    [JsonPropertyName("has_more")] public bool? HasMore { get; init; }
    [JsonPropertyName("search_id"), JsonConverter(typeof(FlexibleIdConverter))] public string? SearchId { get; init; }
}

public sealed record CommentListData
{
    [JsonPropertyName("comments")] public List<ResearchComment>? Comments { get; init; }
    [JsonPropertyName("cursor")] public long? Cursor { get; init; }
    [JsonPropertyName("has_more")] public bool? HasMore { get; init; }
}

public sealed record ResearchResponse<TData>
{
    [JsonPropertyName("data")] public TData? Data { get; init; }
    [JsonPropertyName("error")] public ResearchError? Error { get; init; }
}

/// <summary>The answer of <c>/v2/oauth/token/</c>; on failure <c>error</c> is a string with <c>error_description</c>.</summary>
public sealed record TokenResponse
{
    [JsonPropertyName("access_token")] public string? AccessToken { get; init; }
    [JsonPropertyName("expires_in")] public long? ExpiresIn { get; init; }
    [JsonPropertyName("token_type")] public string? TokenType { get; init; }
    [JsonPropertyName("error")] public JsonElement? Error { get; init; }
    [JsonPropertyName("error_description")] public string? ErrorDescription { get; init; }
    [JsonPropertyName("log_id")] public string? LogId { get; init; }
}

/// <summary>TikTok ids are 64-bit numbers, sent as JSON numbers or strings; Insights keeps them as text.</summary>
public sealed class FlexibleIdConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number when reader.TryGetInt64(out var n) => n.ToString(CultureInfo.InvariantCulture),
        JsonTokenType.Number when reader.TryGetUInt64(out var u) => u.ToString(CultureInfo.InvariantCulture),
        _ => throw new JsonException($"an id must be a string or an integer, not {reader.TokenType}"),
    };

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}

[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(ResearchResponse<VideoQueryData>))]
[JsonSerializable(typeof(ResearchResponse<CommentListData>))]
[JsonSerializable(typeof(TokenResponse))]
internal sealed partial class ResearchJsonContext : JsonSerializerContext;
