namespace Insights.Sources.Tests.Support;

using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Insights.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

internal sealed class StubVideo
{
    public required long Id { get; init; }
    public required string Username { get; init; }
    public required long CreateTime { get; init; }
    public string RegionCode { get; init; } = "US";
    public string Description { get; init; } = "";
    public List<string> Hashtags { get; init; } = [];
    public string MusicId { get; init; } = "77";
    public long Views { get; set; }
    public long Likes { get; set; }
    public long Shares { get; set; }
    public List<StubComment> Comments { get; } = [];
}

internal sealed record StubComment(long Id, long VideoId, string Text, long CreateTime, long Likes, long Replies, long ParentId);

/// <summary>One request as the stub received it, numbered from 1.</summary>
internal sealed record StubRequest(int Number, string Path, string? Fields, string? Authorization, string Body)
{
    public JsonNode? Json => Body.StartsWith('{') ? JsonNode.Parse(Body) : null;

    public bool IsToken => Path == TikTokStub.TokenPath;

    public bool IsVideoQuery => Path == TikTokStub.VideoQueryPath;

    public bool IsCommentList => Path == TikTokStub.CommentListPath;

    public string? VideoId => IsCommentList ? Json?["video_id"]?.ToJsonString() : null;

    public long Cursor => Json?["cursor"]?.GetValue<long>() ?? 0;
}

/// <summary>What the stub answers instead of serving: a status and body, headers, or a dropped connection.</summary>
internal sealed record StubReply(int Status, string Body = "", IReadOnlyDictionary<string, string>? Headers = null, bool Abort = false)
{
    public static StubReply Error(int status, string code, string message = "") =>
        new(status, $$$"""{"data":{},"error":{"code":"{{{code}}}","message":"{{{message}}}","log_id":"stub-log-1"}}""");
}

/// <summary>
/// TikTok's Research API as documented, served by Kestrel on 127.0.0.1 (a free port) inside the test process: the
/// client-credentials token endpoint, the video query (conditions on username, hashtag_name or video_id, a window
/// of creation dates of at most 30 days, cursor/has_more/search_id paging) and the comment list (cursor paging,
/// at most the first 1,000 comments, in creation order). Records every request; <see cref="Intercept"/> answers
/// in its place (outages, 429s, malformed pages, error codes).
/// </summary>
internal sealed class TikTokStub : IAsyncDisposable
{
    public const string ClientKey = "stub-client-key";
    public const string ClientSecret = "stub-client-secret";
    public const string TokenPath = "/v2/oauth/token/";
    public const string VideoQueryPath = "/v2/research/video/query/";
    public const string CommentListPath = "/v2/research/video/comment/list/";

    private static readonly HashSet<string> VideoFields = ["id", "video_description", "create_time", "region_code", "share_count",
        "view_count", "like_count", "comment_count", "music_id", "hashtag_names", "username", "voice_to_text"];

    private static readonly HashSet<string> CommentFields = ["id", "video_id", "text", "like_count", "reply_count", "parent_comment_id", "create_time"];

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<StubRequest> _requests = new();
    private readonly ConcurrentDictionary<string, bool> _tokens = new();
    private readonly ConcurrentDictionary<string, bool> _searchIds = new();
    private readonly Lock _lock = new();
    private readonly List<StubVideo> _videos = [];
    private int _count;
    private int _tokenCount;
    private long _nextCommentId = 9_000_000_000_000_000_000 / 10;

    private TikTokStub(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public long TokenLifetimeSeconds { get; set; } = 7200;

    public IReadOnlyList<StubRequest> Requests => _requests.ToArray();

    public IReadOnlyList<StubRequest> ResearchRequests => Requests.Where(r => !r.IsToken).ToList();

    /// <summary>Answers a request in place of the stub when it returns a reply; null serves it normally.</summary>
    public Func<StubRequest, StubReply?>? Intercept { get; set; }

    public static async Task<TikTokStub> StartAsync()
    {
        TikTokStub? stub = null;
        var (app, address) = await LoopbackHttpServer.StartAsync(context => stub!.HandleAsync(context));
        stub = new TikTokStub(app, address);
        return stub;
    }

    /// <summary>A base URL where nothing listens: connections are refused.</summary>
    public static string RefusingBaseUrl() => LoopbackHttpServer.RefusingAddress();

    /// <summary>A TikTok-like id: the creation time in the upper 32 bits.</summary>
    public static long VideoIdFor(long createTime, int sequence) => (createTime << 32) | (uint)sequence;

    public StubVideo AddVideo(string username, long createTime, int sequence, long views = 1000, long likes = 100, long shares = 10,
        IEnumerable<string>? hashtags = null)
    {
        var video = new StubVideo
        {
            Id = VideoIdFor(createTime, sequence),
            Username = username,
            CreateTime = createTime,
            Description = $"video {sequence} by {username}",
            Hashtags = hashtags?.ToList() ?? ["fyp"],
            Views = views,
            Likes = likes,
            Shares = shares,
        };
        lock (_lock)
        {
            _videos.Add(video);
        }

        return video;
    }

    /// <summary>Adds <paramref name="count"/> comments from <paramref name="firstTime"/>, <paramref name="perSecond"/> per second.</summary>
    public IReadOnlyList<StubComment> AddComments(StubVideo video, int count, long firstTime, int perSecond = 1)
    {
        var added = new List<StubComment>();
        lock (_lock)
        {
            for (var i = 0; i < count; i++)
            {
                var id = ++_nextCommentId;
                var comment = new StubComment(id, video.Id, $"comment {id} is amazing", firstTime + i / perSecond, i % 7, i % 3, video.Id);
                video.Comments.Add(comment);
                added.Add(comment);
            }
        }

        return added;
    }

    public void Update(Action update)
    {
        lock (_lock)
        {
            update();
        }
    }

    /// <summary>Every token issued so far stops working (answers 401).</summary>
    public void RevokeTokens() => _tokens.Clear();

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        string body;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            body = string.Join("&", form.Select(p => $"{p.Key}={p.Value}"));
        }
        else
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            body = await reader.ReadToEndAsync();
        }

        var recorded = new StubRequest(Interlocked.Increment(ref _count), request.Path.Value ?? "", request.Query["fields"].ToString(),
            request.Headers.Authorization.ToString(), body);
        _requests.Enqueue(recorded);

        var reply = Intercept?.Invoke(recorded) ?? Serve(recorded, request);
        if (reply.Abort)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(reply.Body);
    }

    private StubReply Serve(StubRequest recorded, HttpRequest request)
    {
        if (request.Method != "POST")
        {
            return StubReply.Error(405, "invalid_params", "POST only");
        }

        if (recorded.IsToken)
        {
            return Token(recorded.Body);
        }

        var auth = recorded.Authorization ?? "";
        if (!auth.StartsWith("Bearer ", StringComparison.Ordinal) || !_tokens.ContainsKey(auth["Bearer ".Length..]))
        {
            return StubReply.Error(401, "access_token_invalid", "The access token is invalid or not found in the request.");
        }

        if (request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true)
        {
            return StubReply.Error(400, "invalid_params", "content type");
        }

        JsonNode? json;
        try
        {
            json = JsonNode.Parse(recorded.Body);
        }
        catch (JsonException)
        {
            return StubReply.Error(400, "invalid_params", "body is not JSON");
        }

        return recorded.Path switch
        {
            VideoQueryPath => QueryVideos(recorded.Fields, json!),
            CommentListPath => ListComments(recorded.Fields, json!),
            _ => StubReply.Error(404, "invalid_params", "no such endpoint"),
        };
    }

    private StubReply Token(string form)
    {
        var fields = form.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "");
        if (fields.GetValueOrDefault("client_key") != ClientKey || fields.GetValueOrDefault("client_secret") != ClientSecret ||
            fields.GetValueOrDefault("grant_type") != "client_credentials")
        {
            return new StubReply(401, """{"error":"invalid_client","error_description":"Client key or secret is incorrect.","log_id":"stub-log-2"}""");
        }

        var token = $"clt.stub{Interlocked.Increment(ref _tokenCount)}";
        _tokens[token] = true;
        return new StubReply(200, $$$"""{"access_token":"{{{token}}}","expires_in":{{{TokenLifetimeSeconds}}},"token_type":"Bearer"}""");
    }

    private StubReply QueryVideos(string? fields, JsonNode body)
    {
        var requested = (fields ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (requested.Length == 0 || requested.Any(f => !VideoFields.Contains(f)))
        {
            return StubReply.Error(400, "invalid_params", "Invalid fields");
        }

        var condition = body["query"]?["and"]?[0];
        var field = condition?["field_name"]?.GetValue<string>();
        var values = condition?["field_values"]?.AsArray().Select(v => v!.GetValue<string>()).ToHashSet() ?? [];
        if (condition?["operation"]?.GetValue<string>() != "IN" || field is not ("username" or "hashtag_name" or "video_id") || values.Count == 0)
        {
            return StubReply.Error(400, "invalid_params", "Invalid query");
        }

        if (!TryDate(body["start_date"], out var start) || !TryDate(body["end_date"], out var end) || end < start || end.DayNumber - start.DayNumber > 30)
        {
            return StubReply.Error(400, "invalid_params", "Invalid start_date or end_date (at most 30 days apart)");
        }

        var maxCount = body["max_count"]?.GetValue<int>() ?? 20;
        var cursor = body["cursor"]?.GetValue<long>() ?? 0;
        var searchId = body["search_id"]?.GetValue<string>();
        if (maxCount is < 1 or > 100 || cursor < 0 || (cursor > 0 && (searchId is null || !_searchIds.ContainsKey(searchId))))
        {
            return StubReply.Error(400, "invalid_params", "Invalid max_count, cursor or search_id");
        }

        List<StubVideo> matching;
        lock (_lock)
        {
            matching = _videos.Where(v =>
            {
                var created = DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(v.CreateTime).UtcDateTime);
                var match = field switch
                {
                    "username" => values.Contains(v.Username),
                    "hashtag_name" => v.Hashtags.Any(values.Contains),
                    _ => values.Contains(v.Id.ToString(CultureInfo.InvariantCulture)),
                };
                return match && created >= start && created <= end;
            }).OrderBy(v => v.Id).ToList();
        }

        searchId ??= $"{7_000_000_000_000_000_000 + Random.Shared.Next()}";
        _searchIds[searchId] = true;
        var page = matching.Skip((int)cursor).Take(maxCount).ToList();
        var next = cursor + page.Count;
        var videos = new JsonArray();
        lock (_lock)
        {
            foreach (var v in page)
            {
                var all = new Dictionary<string, JsonNode?>
                {
                    ["id"] = v.Id,
                    ["username"] = v.Username,
                    ["create_time"] = v.CreateTime,
                    ["region_code"] = v.RegionCode,
                    ["video_description"] = v.Description,
                    ["music_id"] = v.MusicId,
                    ["hashtag_names"] = new JsonArray(v.Hashtags.Select(h => (JsonNode?)h).ToArray()),
                    ["view_count"] = v.Views,
                    ["like_count"] = v.Likes,
                    ["share_count"] = v.Shares,
                    ["comment_count"] = v.Comments.Count,
                    ["voice_to_text"] = "",
                };
                var o = new JsonObject();
                foreach (var f in requested)
                {
                    o[f] = all[f]?.DeepClone();
                }

                videos.Add(o);
            }
        }

        var data = new JsonObject
        {
            ["videos"] = videos,
            ["cursor"] = next,
            ["has_more"] = next < matching.Count,
            ["search_id"] = searchId,
        };
        return Ok(data);
    }

    private StubReply ListComments(string? fields, JsonNode body)
    {
        var requested = (fields ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (requested.Length == 0 || requested.Any(f => !CommentFields.Contains(f)))
        {
            return StubReply.Error(400, "invalid_params", "Invalid fields");
        }

        if (body["video_id"] is not JsonValue idValue || !idValue.TryGetValue<long>(out var videoId))
        {
            return StubReply.Error(400, "invalid_params", "video_id must be an int64");
        }

        var maxCount = body["max_count"]?.GetValue<int>() ?? 10;
        var cursor = body["cursor"]?.GetValue<long>() ?? 0;
        if (maxCount is < 1 or > 100 || cursor is < 0 or > 1000)
        {
            return StubReply.Error(400, "invalid_params", "Invalid max_count or cursor (at most 1000)");
        }

        var comments = new JsonArray();
        long next;
        bool hasMore;
        lock (_lock)
        {
            var video = _videos.FirstOrDefault(v => v.Id == videoId);
            var list = video?.Comments.OrderBy(c => c.CreateTime).ThenBy(c => c.Id).Take(1000).ToList() ?? [];
            var page = list.Skip((int)cursor).Take(maxCount).ToList();
            next = cursor + page.Count;
            hasMore = next < list.Count;
            foreach (var c in page)
            {
                var all = new Dictionary<string, JsonNode?>
                {
                    ["id"] = c.Id,
                    ["video_id"] = c.VideoId,
                    ["text"] = c.Text,
                    ["like_count"] = c.Likes,
                    ["reply_count"] = c.Replies,
                    ["parent_comment_id"] = c.ParentId,
                    ["create_time"] = c.CreateTime,
                };
                var o = new JsonObject();
                foreach (var f in requested)
                {
                    o[f] = all[f]?.DeepClone();
                }

                comments.Add(o);
            }
        }

        return Ok(new JsonObject { ["comments"] = comments, ["cursor"] = next, ["has_more"] = hasMore });
    }

    private static StubReply Ok(JsonObject data) => new(200, new JsonObject
    {
        ["data"] = data,
        ["error"] = new JsonObject { ["code"] = "ok", ["message"] = "", ["log_id"] = "stub-log-ok" },
    }.ToJsonString());

    private static bool TryDate(JsonNode? node, out DateOnly date)
    {
        date = default;
        return node is JsonValue v && v.TryGetValue<string>(out var s) &&
            DateOnly.TryParseExact(s, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
