namespace Insights.Api.Security;

/// <summary>The permissions a caller can hold, whatever carried them (API key, bearer token, stream token).</summary>
public static class Scopes
{
    public const string Ingest = "ingest";
    public const string Read = "read";

    /// <summary>Managing alert webhook subscriptions: a subscriber makes the silos send requests to a URL of its choosing.</summary>
    public const string Alerts = "alerts";

    public static readonly IReadOnlyList<string> All = [Ingest, Read, Alerts];

    /// <summary>The scopes in words, for error messages: "ingest, read or alerts".</summary>
    public static string Listed(string last) => string.Join(", ", All.Take(All.Count - 1)) + $" {last} " + All[^1];

    /// <summary>
    /// <c>read</c>, <c>ingest</c>, <c>alerts</c>, or the Entra forms <c>Insights.Read</c>/<c>Insights.Ingest</c>/<c>Insights.Alerts</c> (any case) as the
    /// canonical scope; null for anything else, which grants nothing.
    /// </summary>
    public static string? Normalize(string? value)
    {
        var name = value?.Trim();
        if (name is null)
        {
            return null;
        }

        if (name.StartsWith("Insights.", StringComparison.OrdinalIgnoreCase))
        {
            name = name["Insights.".Length..];
        }

        return All.FirstOrDefault(s => s.Equals(name, StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>Claims every authentication handler of the API puts on its principal.</summary>
public static class InsightsClaims
{
    /// <summary>A canonical scope (<see cref="Scopes"/>); one claim per scope.</summary>
    public const string Scope = "insights:scope";

    /// <summary>Who is calling, for rate-limit partitions and logs: <c>key:&lt;name&gt;</c> or <c>jwt:&lt;subject&gt;</c>.</summary>
    public const string Client = "insights:client";

    /// <summary>The API key's configured name, when a key (or a stream token issued for one) authenticated the call.</summary>
    public const string KeyName = "insights:key";

    /// <summary>Unix seconds after which the credential stops being valid (stream tokens): long-lived streams end then.</summary>
    public const string Expires = "insights:expires";

    public static string ClientOf(System.Security.Claims.ClaimsPrincipal user) =>
        user.FindFirst(Client)?.Value ?? "anonymous";
}
