namespace Insights.Api.Security;

using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

/// <summary>
/// The authentication schemes and how a request picks one: by the credential it carries, so that each request is
/// judged by exactly one handler (one clear 401 reason, one challenge).
/// </summary>
public static class AuthSchemes
{
    /// <summary>The default scheme: forwards to one of the others.</summary>
    public const string Default = "Insights";
    public const string ApiKey = "ApiKey";
    public const string Bearer = JwtBearerDefaults.AuthenticationScheme;
    public const string StreamToken = "StreamToken";

    public static string Select(HttpContext http)
    {
        var request = http.Request;
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && http.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value.Jwt.Enabled)
        {
            return Bearer;
        }

        // A token in the URL is taken on the stream routes only, and only when no header credential is present:
        // EventSource cannot send headers, everything else can.
        if (authorization.Length == 0
            && !request.Headers.ContainsKey(ApiKeyCredentials.HeaderName)
            && request.Query.ContainsKey(StreamTokens.QueryParameter)
            && http.GetEndpoint()?.Metadata.GetMetadata<StreamTokenAccepted>() is not null)
        {
            return StreamToken;
        }

        return ApiKey;
    }
}

/// <summary>Endpoint metadata: this route (a Server-Sent Events stream) accepts a stream token in the query.</summary>
public sealed class StreamTokenAccepted
{
    public static readonly StreamTokenAccepted Instance = new();

    private StreamTokenAccepted()
    {
    }
}
