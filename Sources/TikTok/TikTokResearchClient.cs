namespace Insights.Sources.TikTok;

using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Insights.Sources.RateLimiting;
using Microsoft.Extensions.Logging;

/// <summary>A video query: one condition (<c>field_name IN field_values</c>) over a window of creation dates (UTC, inclusive).</summary>
public sealed record VideoQuery(string FieldName, IReadOnlyList<string> Values, DateOnly StartDate, DateOnly EndDate);

public sealed record VideoPage(IReadOnlyList<ResearchVideo> Videos, long Cursor, bool HasMore, string? SearchId, DateTimeOffset ReceivedAt);

public sealed record CommentPage(IReadOnlyList<ResearchComment> Comments, long Cursor, bool HasMore, DateTimeOffset ReceivedAt);

/// <summary>
/// TikTok's Research API over HTTP: the client-credentials access token (renewed <c>TokenRefreshMargin</c> before it
/// expires, and at once on a 401), the video query and the comment list. Every request takes a token from the
/// <see cref="RequestBudget"/>; outages, 5xx, 429 (honouring Retry-After) and malformed answers are tried again with
/// exponential backoff up to <c>MaxAttempts</c>; error codes such as <c>invalid_params</c> fail at once.
/// </summary>
public sealed partial class TikTokResearchClient
{
    public const string Source = "tiktok";
    public const string VideoFields = "id,video_description,create_time,region_code,share_count,view_count,like_count,comment_count,music_id,hashtag_names,username,voice_to_text";
    public const string CommentFields = "id,video_id,text,like_count,reply_count,parent_comment_id,create_time";

    private const string TokenOperation = "token";
    private const string VideoQueryOperation = "video_query";
    private const string CommentListOperation = "comment_list";

    private readonly HttpClient _http;
    private readonly TikTokSourceOptions _options;
    private readonly RequestBudget _budget;
    private readonly SourceMetrics _metrics;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly Uri _baseUri;
    private readonly SemaphoreSlim _tokenLock = new(1, 1);
    private string? _token;
    private DateTimeOffset _tokenRenewAt;

    public TikTokResearchClient(HttpClient http, TikTokSourceOptions options, RequestBudget budget, SourceMetrics metrics,
        TimeProvider clock, ILogger logger)
    {
        _http = http;
        _options = options;
        _budget = budget;
        _metrics = metrics;
        _clock = clock;
        _logger = logger;
        var baseUrl = options.BaseUrl.EndsWith('/') ? options.BaseUrl : options.BaseUrl + "/";
        _baseUri = new Uri(baseUrl, UriKind.Absolute);
    }

    /// <summary>Access tokens obtained so far (for tests and diagnostics).</summary>
    public int TokensObtained { get; private set; }

    public Task<VideoPage> QueryVideosAsync(VideoQuery query, long cursor, string? searchId, int maxCount, string subject,
        CancellationToken cancellationToken)
    {
        var body = Json(w =>
        {
            w.WriteStartObject("query");
            w.WriteStartArray("and");
            w.WriteStartObject();
            w.WriteString("operation", "IN");
            w.WriteString("field_name", query.FieldName);
            w.WriteStartArray("field_values");
            foreach (var value in query.Values)
            {
                w.WriteStringValue(value);
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteString("start_date", query.StartDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            w.WriteString("end_date", query.EndDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            w.WriteNumber("max_count", maxCount);
            w.WriteNumber("cursor", cursor);
            if (searchId is not null)
            {
                w.WriteString("search_id", searchId);
            }
        });
        return SendAsync<VideoQueryData, VideoPage>(VideoQueryOperation, $"v2/research/video/query/?fields={VideoFields}", body,
            ResearchJsonContext.Default.ResearchResponseVideoQueryData, subject, null,
            (data, receivedAt) =>
            {
                var hasMore = data.HasMore ?? false;
                var videos = data.Videos ?? [];
                var next = data.Cursor ?? cursor + videos.Count;
                if (hasMore && next <= cursor)
                {
                    return (null, $"has_more with a cursor that does not advance ({cursor} -> {next})");
                }

                return (new VideoPage(videos, next, hasMore, data.SearchId ?? searchId, receivedAt), null);
            },
            cancellationToken);
    }

    public Task<CommentPage> ListCommentsAsync(string videoId, long cursor, int maxCount, CancellationToken cancellationToken)
    {
        var body = Json(w =>
        {
            // The API takes the id as an int64; an id that is not one (never from TikTok) goes as a string.
            if (long.TryParse(videoId, NumberStyles.None, CultureInfo.InvariantCulture, out var numeric))
            {
                w.WriteNumber("video_id", numeric);
            }
            else
            {
                w.WriteString("video_id", videoId);
            }

            w.WriteNumber("max_count", maxCount);
            w.WriteNumber("cursor", cursor);
        });
        return SendAsync<CommentListData, CommentPage>(CommentListOperation, $"v2/research/video/comment/list/?fields={CommentFields}", body,
            ResearchJsonContext.Default.ResearchResponseCommentListData, null, videoId,
            (data, receivedAt) =>
            {
                var comments = data.Comments ?? [];
                var hasMore = data.HasMore ?? false;
                var next = Math.Max(data.Cursor ?? 0, cursor + comments.Count);
                if (hasMore && next <= cursor)
                {
                    return (null, $"has_more with a cursor that does not advance ({cursor} -> {next})");
                }

                return (new CommentPage(comments, next, hasMore, receivedAt), null);
            },
            cancellationToken);
    }

    private async Task<TResult> SendAsync<TData, TResult>(
        string operation,
        string pathAndQuery,
        byte[] body,
        JsonTypeInfo<ResearchResponse<TData>> typeInfo,
        string? query,
        string? videoId,
        Func<TData, DateTimeOffset, (TResult? Result, string? Problem)> interpret,
        CancellationToken cancellationToken)
        where TData : class
        where TResult : class
    {
        var uri = new Uri(_baseUri, pathAndQuery);
        var renewedAfter401 = false;
        for (var attempt = 1; ; attempt++)
        {
            ResearchApiException failure;
            await _budget.AcquireAsync(cancellationToken);
            var token = await GetTokenAsync(cancellationToken);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, uri);
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await _http.SendAsync(request, cancellationToken);
                var status = (int)response.StatusCode;
                _metrics.Request(Source, operation, status.ToString(CultureInfo.InvariantCulture));
                var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                var receivedAt = _clock.GetUtcNow();

                ResearchResponse<TData>? parsed = null;
                string? parseProblem = null;
                try
                {
                    parsed = JsonSerializer.Deserialize(bytes, typeInfo);
                }
                catch (JsonException ex)
                {
                    parseProblem = ex.Message;
                }

                var code = parsed?.Error?.Code;
                var logId = parsed?.Error?.LogId;
                var detail = parsed?.Error?.Message is { Length: > 0 } m ? $"{code}: {m}" : code;
                if (response.StatusCode == HttpStatusCode.Unauthorized || code is "access_token_invalid" or "access_token_expired")
                {
                    Invalidate(token);
                    if (!renewedAfter401)
                    {
                        renewedAfter401 = true;
                        attempt--;
                        LogTokenRejected(operation, status);
                        continue;
                    }

                    failure = new ResearchApiException(operation, code ?? "http_401",
                        $"The access token was refused again after renewing it ({status} {detail}).", transient: false, status, code, logId);
                }
                else if (response.StatusCode == HttpStatusCode.TooManyRequests || code == "rate_limit_exceeded")
                {
                    _metrics.Throttled(Source, "http_429");
                    failure = new ResearchApiException(operation, "rate_limited", $"Rate limited ({status} {detail}).",
                        transient: true, status, code, logId)
                    { RetryAfter = RetryAfter(response.Headers.RetryAfter) };
                }
                else if (status >= 500 || code == "internal_error")
                {
                    failure = new ResearchApiException(operation, status >= 500 ? $"http_{status}" : code!,
                        $"Server error ({status} {detail ?? Excerpt(bytes)}).", transient: true, status, code, logId);
                }
                else if (parsed is null)
                {
                    failure = new ResearchApiException(operation, "malformed",
                        $"The answer ({status}) is not JSON: {parseProblem}", transient: true, status);
                }
                else if (code is not (null or "ok"))
                {
                    failure = new ResearchApiException(operation, code, $"The API answered error {detail} ({status}, log id {logId}).",
                        transient: false, status, code, logId);
                }
                else if (status is < 200 or >= 300)
                {
                    failure = new ResearchApiException(operation, $"http_{status}", $"Unexpected status {status}: {Excerpt(bytes)}",
                        transient: false, status, code, logId);
                }
                else if (parsed.Data is null)
                {
                    failure = new ResearchApiException(operation, "malformed", "The answer has no data.", transient: true, status, code, logId);
                }
                else
                {
                    var (result, problem) = interpret(parsed.Data, receivedAt);
                    if (result is not null)
                    {
                        return result;
                    }

                    failure = new ResearchApiException(operation, "malformed", $"The answer is inconsistent: {problem}.", transient: true, status, code, logId);
                }
            }
            catch (HttpRequestException ex)
            {
                _metrics.Request(Source, operation, "error");
                failure = new ResearchApiException(operation, "connection", $"Connection failed: {ex.Message}", transient: true, inner: ex);
            }
            catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                _metrics.Request(Source, operation, "timeout");
                failure = new ResearchApiException(operation, "timeout", $"No answer within {_http.Timeout}.", transient: true, inner: ex);
            }

            _metrics.Failure(Source, operation, failure.Reason);
            var giveUp = !failure.Transient || attempt >= _options.MaxAttempts;
            if (videoId is not null)
            {
                LogVideoAttemptFailed(operation, videoId, attempt, _options.MaxAttempts, giveUp, failure.Message);
            }
            else
            {
                LogQueryAttemptFailed(operation, query ?? "", attempt, _options.MaxAttempts, giveUp, failure.Message);
            }

            if (giveUp)
            {
                throw failure;
            }

            await Task.Delay(failure.RetryAfter ?? Backoff(attempt), _clock, cancellationToken);
        }
    }

    private async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_token is { } current && _clock.GetUtcNow() < _tokenRenewAt)
        {
            return current;
        }

        await _tokenLock.WaitAsync(cancellationToken);
        try
        {
            if (_token is { } fresh && _clock.GetUtcNow() < _tokenRenewAt)
            {
                return fresh;
            }

            var (token, expiresIn) = await RequestTokenAsync(cancellationToken);
            var margin = _options.TokenRefreshMargin;
            if (margin * 2 > expiresIn)
            {
                margin = expiresIn / 2; // a short-lived token: renew half-way rather than at once
            }

            _token = token;
            _tokenRenewAt = _clock.GetUtcNow() + expiresIn - margin;
            TokensObtained++;
            LogTokenObtained(expiresIn);
            return token;
        }
        finally
        {
            _tokenLock.Release();
        }
    }

    private void Invalidate(string token)
    {
        if (_token == token)
        {
            _token = null;
        }
    }

    private async Task<(string Token, TimeSpan ExpiresIn)> RequestTokenAsync(CancellationToken cancellationToken)
    {
        var uri = new Uri(_baseUri, "v2/oauth/token/");
        for (var attempt = 1; ; attempt++)
        {
            ResearchApiException failure;
            try
            {
                using var content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["client_key"] = _options.ClientKey ?? "",
                    ["client_secret"] = _options.ClientSecret ?? "",
                    ["grant_type"] = "client_credentials",
                });
                using var response = await _http.PostAsync(uri, content, cancellationToken);
                var status = (int)response.StatusCode;
                _metrics.Request(Source, TokenOperation, status.ToString(CultureInfo.InvariantCulture));
                var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                TokenResponse? parsed = null;
                try
                {
                    parsed = JsonSerializer.Deserialize(bytes, ResearchJsonContext.Default.TokenResponse);
                }
                catch (JsonException)
                {
                }

                var error = parsed?.Error switch
                {
                    { ValueKind: JsonValueKind.String } e => e.GetString(),
                    { ValueKind: JsonValueKind.Object } e when e.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String => c.GetString(),
                    _ => null,
                };
                if (error is "ok" or "")
                {
                    error = null;
                }

                if (status >= 500 || status == 429)
                {
                    failure = new ResearchApiException(TokenOperation, $"http_{status}", $"The token endpoint answered {status}.", transient: true, status, error);
                }
                else if (parsed is null)
                {
                    failure = new ResearchApiException(TokenOperation, "malformed", $"The token answer ({status}) is not JSON: {Excerpt(bytes)}", transient: true, status);
                }
                else if (error is not null || status is < 200 or >= 300)
                {
                    // A refused client (invalid_client, wrong secret) will not fix itself.
                    failure = new ResearchApiException(TokenOperation, error ?? $"http_{status}",
                        $"The token endpoint refused the client ({status} {error}: {parsed.ErrorDescription}, log id {parsed.LogId}).",
                        transient: false, status, error, parsed.LogId);
                }
                else if (string.IsNullOrEmpty(parsed.AccessToken) || parsed.ExpiresIn is not > 0)
                {
                    failure = new ResearchApiException(TokenOperation, "malformed", "The token answer has no access_token or expires_in.", transient: true, status);
                }
                else
                {
                    return (parsed.AccessToken, TimeSpan.FromSeconds(parsed.ExpiresIn.Value));
                }
            }
            catch (HttpRequestException ex)
            {
                _metrics.Request(Source, TokenOperation, "error");
                failure = new ResearchApiException(TokenOperation, "connection", $"Connection failed: {ex.Message}", transient: true, inner: ex);
            }
            catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                _metrics.Request(Source, TokenOperation, "timeout");
                failure = new ResearchApiException(TokenOperation, "timeout", $"No answer within {_http.Timeout}.", transient: true, inner: ex);
            }

            _metrics.Failure(Source, TokenOperation, failure.Reason);
            var giveUp = !failure.Transient || attempt >= _options.MaxAttempts;
            LogTokenFailed(attempt, _options.MaxAttempts, giveUp, failure.Message);
            if (giveUp)
            {
                throw failure;
            }

            await Task.Delay(Backoff(attempt), _clock, cancellationToken);
        }
    }

    private TimeSpan Backoff(int attempt) => TimeSpan.FromTicks(Math.Min(
        _options.MaxBackoff.Ticks, _options.InitialBackoff.Ticks * (1L << Math.Min(attempt - 1, 20))));

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
    {
        var delay = header switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - _clock.GetUtcNow(),
            _ => (TimeSpan?)null,
        };
        if (delay is null)
        {
            return null;
        }

        return delay.Value < TimeSpan.Zero ? TimeSpan.Zero : delay.Value > _options.MaxRetryAfter ? _options.MaxRetryAfter : delay.Value;
    }

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static string Excerpt(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 300)).ReplaceLineEndings(" ");
        return body.Length > 300 ? text + "..." : text;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Obtained a TikTok access token valid for {ExpiresIn}")]
    private partial void LogTokenObtained(TimeSpan expiresIn);

    [LoggerMessage(Level = LogLevel.Information, Message = "TikTok {Operation} answered {Status} for the access token; renewing it")]
    private partial void LogTokenRejected(string operation, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "TikTok {Operation} for video {VideoId} failed (attempt {Attempt} of {MaxAttempts}, giving up: {GivingUp}): {Reason}")]
    private partial void LogVideoAttemptFailed(string operation, string videoId, int attempt, int maxAttempts, bool givingUp, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "TikTok {Operation} of query {Query} failed (attempt {Attempt} of {MaxAttempts}, giving up: {GivingUp}): {Reason}")]
    private partial void LogQueryAttemptFailed(string operation, string query, int attempt, int maxAttempts, bool givingUp, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "TikTok access token request failed (attempt {Attempt} of {MaxAttempts}, giving up: {GivingUp}): {Reason}")]
    private partial void LogTokenFailed(int attempt, int maxAttempts, bool givingUp, string reason);
}
