namespace Insights.Api.Limits;

using System.Globalization;
using System.Threading.RateLimiting;
using Insights.Api.Security;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

/// <summary>
/// Rate limits per caller, partitioned by <see cref="InsightsClaims.Client"/> (the key name or token subject, so a
/// key used from many machines shares one budget). They run after authorization: refused callers cost nothing here.
/// </summary>
public static class RateLimitPolicies
{
    public const string Ingest = "ingest";
    public const string Read = "read";
    public const string Streams = "streams";

    private const string Prefix = ApiLimitsOptions.SectionName + ":RateLimits";

    public static void Configure(RateLimiterOptions options)
    {
        options.AddPolicy(Ingest, http => TokenBucket(http, Limits(http).Ingest));
        options.AddPolicy(Read, http => TokenBucket(http, Limits(http).Read));
        options.AddPolicy(Streams, http =>
        {
            var permits = Math.Max(1, Limits(http).StreamsPerClient);
            return RateLimitPartition.GetConcurrencyLimiter(
                $"{InsightsClaims.ClientOf(http.User)}|{permits}",
                _ => new ConcurrencyLimiterOptions { PermitLimit = permits, QueueLimit = 0 });
        });
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = RejectAsync;
    }

    private static RateLimitOptions Limits(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptionsMonitor<ApiLimitsOptions>>().CurrentValue.RateLimits;

    // The limits are part of the partition key: a reloaded limit starts fresh buckets, and the old ones idle out.
    private static RateLimitPartition<string> TokenBucket(HttpContext http, TokenBucketLimit limit)
    {
        var tokens = Math.Max(1, limit.TokenLimit);
        var perPeriod = Math.Max(1, limit.TokensPerPeriod);
        var period = limit.Period > TimeSpan.Zero ? limit.Period : TimeSpan.FromSeconds(1);
        return RateLimitPartition.GetTokenBucketLimiter(
            $"{InsightsClaims.ClientOf(http.User)}|{tokens}|{perPeriod}|{period.Ticks}",
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = tokens,
                TokensPerPeriod = perPeriod,
                ReplenishmentPeriod = period,
                QueueLimit = 0,
                AutoReplenishment = true,
            });
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var policy = http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName ?? Read;
        var limits = Limits(http);
        var client = InsightsClaims.ClientOf(http.User);
        string key, detail;
        if (policy == Streams)
        {
            key = Prefix + ":StreamsPerClient";
            detail = $"'{client}' already holds {limits.StreamsPerClient} open streams; close one first.";
        }
        else
        {
            var (name, limit) = policy == Ingest ? ("Ingest", limits.Ingest) : ("Read", limits.Read);
            key = $"{Prefix}:{name}";
            detail = $"'{client}' may make {limit.TokensPerPeriod} {policy} requests per {limit.Period} (bursts of {limit.TokenLimit}); this one is over.";
        }

        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            var seconds = (int)Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds));
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            detail += $" Retry after {seconds} s.";
        }

        await LimitProblem.Create(StatusCodes.Status429TooManyRequests, "Too many requests", detail, key).ExecuteAsync(http);
    }
}
