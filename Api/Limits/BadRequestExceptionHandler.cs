namespace Insights.Api.Limits;

using Microsoft.AspNetCore.Diagnostics;

/// <summary>
/// The server's own refusals while a handler reads the request (a body over its limit, a client sending too slowly)
/// become problem details with their status code rather than a 500.
/// </summary>
internal sealed class BadRequestExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || http.Response.HasStarted)
        {
            return false;
        }

        var result = bad.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? LimitProblem.Create(
                bad.StatusCode,
                "Body too large",
                $"The body is over the limit set by {http.Items[RequestBodyLimitMiddleware.ItemKey] ?? RequestBodyLimitMiddleware.LimitKey}.",
                http.Items[RequestBodyLimitMiddleware.ItemKey] as string ?? RequestBodyLimitMiddleware.LimitKey)
            : TypedResults.Problem(title: "Bad request", detail: bad.Message, statusCode: bad.StatusCode);
        await result.ExecuteAsync(http);
        return true;
    }
}
