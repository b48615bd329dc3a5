namespace Insights.Api.Security;

using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

/// <summary>Authenticates <c>?access_token=</c> on the stream routes (<see cref="AuthSchemes.Select"/> sends nothing else here).</summary>
public sealed class StreamTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    StreamTokens tokens,
    IOptions<AuthOptions> auth)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var values = Request.Query[StreamTokens.QueryParameter];
        if (values.Count != 1 || string.IsNullOrEmpty(values[0]))
        {
            return Task.FromResult(AuthenticateResult.Fail("Send exactly one stream token in access_token."));
        }

        var (user, error) = tokens.Validate(values[0]!, Scheme.Name);
        return Task.FromResult(user is null
            ? AuthenticateResult.Fail(error!)
            : AuthenticateResult.Success(new AuthenticationTicket(user, Scheme.Name)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Challenge.Write(Response, auth.Value);
        return Task.CompletedTask;
    }
}
