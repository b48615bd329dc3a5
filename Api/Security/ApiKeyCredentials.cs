namespace Insights.Api.Security;

/// <summary>Where a request carries an API key: <c>X-Api-Key: &lt;key&gt;</c> or <c>Authorization: ApiKey &lt;key&gt;</c>.</summary>
public static class ApiKeyCredentials
{
    public const string HeaderName = "X-Api-Key";
    public const string AuthorizationScheme = "ApiKey";

    /// <summary>The presented key; "" when the request is ambiguous (several keys); null when it carries none.</summary>
    public static string? From(HttpRequest request)
    {
        var header = request.Headers[HeaderName];
        if (header.Count > 0)
        {
            return header.Count == 1 ? header[0]?.Trim() ?? "" : "";
        }

        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith(AuthorizationScheme + " ", StringComparison.OrdinalIgnoreCase)
            ? authorization[(AuthorizationScheme.Length + 1)..].Trim()
            : null;
    }
}
