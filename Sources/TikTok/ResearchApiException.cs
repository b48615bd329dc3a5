namespace Insights.Sources.TikTok;

/// <summary>
/// A Research API call failed: an outage, an HTTP error, a malformed answer or an error code. <see cref="Transient"/>
/// failures (connection, timeout, 5xx, 429, malformed body) are tried again; the rest (<c>invalid_params</c>, a
/// rejected client) are not.
/// </summary>
public sealed class ResearchApiException(
    string operation, string reason, string message, bool transient, int? httpStatus = null, string? code = null,
    string? logId = null, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary><c>token</c>, <c>video_query</c> or <c>comment_list</c>.</summary>
    public string Operation { get; } = operation;

    /// <summary>Short metric-friendly reason: <c>connection</c>, <c>timeout</c>, <c>http_500</c>, <c>malformed</c>, or the API's error code.</summary>
    public string Reason { get; } = reason;

    public bool Transient { get; } = transient;

    public int? HttpStatus { get; } = httpStatus;

    /// <summary>The API's <c>error.code</c>, when it answered one.</summary>
    public string? Code { get; } = code;

    /// <summary>The API's <c>error.log_id</c>: what TikTok support asks for.</summary>
    public string? LogId { get; } = logId;

    /// <summary>How long the API asked to wait (Retry-After of a 429).</summary>
    public TimeSpan? RetryAfter { get; init; }
}
