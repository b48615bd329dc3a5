namespace Insights.Api.Limits;

using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

/// <summary>
/// The body limit of each request: <c>Insights:Api:MaxRequestBodyBytes</c>, answered 413 at once when the declared
/// length is over it, and enforced by the server while reading otherwise. Endpoints marked
/// <see cref="OwnBodyLimit"/> (ingest) enforce their own, larger limit, and keep the start of what they refuse.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<ApiLimitsOptions> options)
{
    public const string LimitKey = ApiLimitsOptions.SectionName + ":MaxRequestBodyBytes";

    /// <summary>The key of <see cref="HttpContext.Items"/> naming the body limit in force, for the 413 of a body cut short while reading.</summary>
    public const string ItemKey = "insights.body-limit";

    public Task InvokeAsync(HttpContext http)
    {
        var size = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (http.GetEndpoint()?.Metadata.GetMetadata<OwnBodyLimit>() is { } own)
        {
            http.Items[ItemKey] = own.LimitKey;
            if (size is { IsReadOnly: false })
            {
                size.MaxRequestBodySize = null;
            }

            return next(http);
        }

        var max = options.Value.MaxRequestBodyBytes;
        if (http.Request.ContentLength > max)
        {
            return LimitProblem.Create(
                StatusCodes.Status413PayloadTooLarge,
                "Body too large",
                $"The body may hold at most {max} bytes (limit {LimitKey}); this one has {http.Request.ContentLength}.",
                LimitKey).ExecuteAsync(http);
        }

        http.Items[ItemKey] = LimitKey;
        if (size is { IsReadOnly: false })
        {
            size.MaxRequestBodySize = max;
        }

        return next(http);
    }
}

/// <summary>Endpoint metadata: the handler enforces its own body limit, set by <see cref="LimitKey"/>.</summary>
public sealed record OwnBodyLimit(string LimitKey);
