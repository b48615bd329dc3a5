namespace Insights.Api.Security;

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

/// <summary>
/// Answers refused requests with problem details: 401 (no or invalid credentials, with the scheme's
/// WWW-Authenticate headers and the reason) and 403 (valid credentials without the scope the endpoint needs).
/// </summary>
internal sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (result.Challenged)
        {
            // The scheme's challenge sets 401 and WWW-Authenticate; the body is ours.
            await _default.HandleAsync(next, context, policy, result);
            var authentication = await context.AuthenticateAsync();
            var detail = authentication.Failure is { } failure
                ? JwtBearerSetup.Describe(failure)
                : $"No credentials: send an API key in {ApiKeyCredentials.HeaderName} (or Authorization: ApiKey <key>), or a bearer token.";
            await TypedResults.Problem(title: "Unauthorized", detail: detail, statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(context);
            return;
        }

        if (result.Forbidden)
        {
            var needed = result.AuthorizationFailure?.FailedRequirements.OfType<ScopeRequirement>().Select(r => r.Scope).ToList() ?? [];
            var held = context.User.FindAll(InsightsClaims.Scope).Select(c => c.Value).ToList();
            if (context.User.Identity?.AuthenticationType == AuthSchemes.Bearer && needed.Count > 0)
            {
                context.Response.Headers.Append("WWW-Authenticate", $"Bearer error=\"insufficient_scope\", scope=\"{string.Join(' ', needed)}\"");
            }

            await TypedResults.Problem(
                title: "Forbidden",
                detail: $"This endpoint needs the scope {string.Join(" and ", needed.Select(s => $"'{s}'"))}; the credentials of " +
                    $"'{InsightsClaims.ClientOf(context.User)}' grant {(held.Count == 0 ? "none" : string.Join(" and ", held.Select(s => $"'{s}'")))}.",
                statusCode: StatusCodes.Status403Forbidden,
                extensions: new Dictionary<string, object?> { ["requiredScopes"] = needed }).ExecuteAsync(context);
            return;
        }

        await _default.HandleAsync(next, context, policy, result);
    }
}
