namespace Insights.Api.Security;

using Insights.Api.Limits;

/// <summary>
/// What an endpoint demands, in one call per kind of endpoint: the scope and the matching rate limit always go
/// together, so an endpoint cannot get one without the other.
/// </summary>
public static class EndpointAccess
{
    /// <summary>Needs <c>read</c>; counts against the caller's read budget.</summary>
    public static TBuilder RequireRead<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(AuthPolicies.Read).RequireRateLimiting(RateLimitPolicies.Read);

    /// <summary>Needs <c>ingest</c>; counts against the caller's ingest budget.</summary>
    public static TBuilder RequireIngest<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(AuthPolicies.Ingest).RequireRateLimiting(RateLimitPolicies.Ingest);

    /// <summary>Needs <c>alerts</c>; counts against the caller's read budget (a handful of calls, made by people).</summary>
    public static TBuilder RequireAlerts<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(AuthPolicies.Alerts).RequireRateLimiting(RateLimitPolicies.Read);

    /// <summary>
    /// A Server-Sent Events stream: needs <c>read</c>, also as a stream token in the query (EventSource sends no
    /// headers), is limited in streams open at once per caller rather than in requests, and has no request timeout.
    /// </summary>
    public static TBuilder RequireReadStream<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.RequireAuthorization(AuthPolicies.Read).RequireRateLimiting(RateLimitPolicies.Streams).WithMetadata(StreamTokenAccepted.Instance);
        builder.DisableRequestTimeout();
        return builder;
    }
}
