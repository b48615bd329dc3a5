namespace Insights.Api.Limits;

using Microsoft.AspNetCore.Http.Timeouts;

/// <summary>
/// One timeout for every request (<c>Insights:Api:RequestTimeout</c>): the request's cancellation token fires, and
/// the answer is a 504 problem naming the limit. Streams opt out (<c>DisableRequestTimeout</c>).
/// </summary>
internal static class RequestTimeouts
{
    public const string LimitKey = ApiLimitsOptions.SectionName + ":RequestTimeout";

    public static void Configure(RequestTimeoutOptions options, ApiLimitsOptions limits) =>
        options.DefaultPolicy = new RequestTimeoutPolicy
        {
            Timeout = limits.RequestTimeout,
            TimeoutStatusCode = StatusCodes.Status504GatewayTimeout,
            WriteTimeoutResponse = http => LimitProblem.Create(
                StatusCodes.Status504GatewayTimeout,
                "Request timed out",
                $"The request took longer than {limits.RequestTimeout} and was stopped; try again (with a smaller batch when ingesting).",
                LimitKey).ExecuteAsync(http),
        };
}
