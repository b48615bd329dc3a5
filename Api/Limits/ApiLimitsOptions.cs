namespace Insights.Api.Limits;

/// <summary>
/// Limits of the HTTP front (<c>Insights:Api</c>). Rate limits apply live when the configuration reloads; the rest is
/// read at start. The ingest body and batch limits are <c>Insights:Ingest:MaxBodyBytes</c>/<c>MaxBatchEvents</c>.
/// </summary>
public sealed class ApiLimitsOptions
{
    public const string SectionName = "Insights:Api";

    /// <summary>Largest request body of every endpoint but <c>POST /api/events</c> (which has <c>Insights:Ingest:MaxBodyBytes</c>).</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Deepest nesting of arrays and objects in a <c>POST /api/events</c> body (events are 2 deep).</summary>
    public int MaxJsonDepth { get; set; } = 16;

    /// <summary>Longest a request may take before it is answered 504 (Server-Sent Events streams excepted).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public RateLimitOptions RateLimits { get; set; } = new();

    public KestrelLimitOptions Kestrel { get; set; } = new();
}

/// <summary>Per caller (API key name or token subject): separate budgets for ingest and for reads.</summary>
public sealed class RateLimitOptions
{
    public TokenBucketLimit Ingest { get; set; } = new() { TokenLimit = 100, TokensPerPeriod = 50, Period = TimeSpan.FromSeconds(1) };

    public TokenBucketLimit Read { get; set; } = new() { TokenLimit = 200, TokensPerPeriod = 100, Period = TimeSpan.FromSeconds(1) };

    /// <summary>Dashboard streams a caller may hold open at once (each is one long request).</summary>
    public int StreamsPerClient { get; set; } = 20;
}

/// <summary>A token bucket: bursts of <see cref="TokenLimit"/> requests, refilled by <see cref="TokensPerPeriod"/> every <see cref="Period"/>.</summary>
public sealed class TokenBucketLimit
{
    public int TokenLimit { get; set; }

    public int TokensPerPeriod { get; set; }

    public TimeSpan Period { get; set; }
}

/// <summary>Kestrel's connection and header limits (Kestrel's own defaults, but for the connection cap).</summary>
public sealed class KestrelLimitOptions
{
    /// <summary>Open connections at most; dashboard streams hold one each. Null: unlimited.</summary>
    public long? MaxConcurrentConnections { get; set; } = 10_000;

    public int MaxRequestHeadersTotalSize { get; set; } = 32 * 1024;

    public int MaxRequestHeaderCount { get; set; } = 100;

    public int MaxRequestLineSize { get; set; } = 8 * 1024;

    public TimeSpan RequestHeadersTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(130);
}
