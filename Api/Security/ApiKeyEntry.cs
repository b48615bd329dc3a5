namespace Insights.Api.Security;

/// <summary>One accepted key: its name, the SHA-256 of the key, and its canonical scopes.</summary>
public sealed record ApiKeyEntry(string Name, byte[] Hash, IReadOnlyList<string> Scopes)
{
    public const string DevelopmentName = "development";

    /// <summary>Reads <c>Insights:Auth:ApiKeys:{index}</c>; the error names the offending key when it is unusable.</summary>
    public static bool TryRead(ApiKeyOptions options, int index, out ApiKeyEntry? entry, out string? error)
    {
        entry = null;
        var prefix = $"{AuthOptions.SectionName}:ApiKeys:{index}";
        if (string.IsNullOrWhiteSpace(options.Name))
        {
            error = $"{prefix}:Name is required.";
            return false;
        }

        if (!ApiKeyHash.TryParse(options.Hash, out var hash))
        {
            error = $"{prefix}:Hash (key '{options.Name}') must be the SHA-256 of the key as 64 hex digits or 44 base64 characters " +
                "(`insights auth hash-key`, or `printf %s \"$KEY\" | sha256sum`); never the key itself.";
            return false;
        }

        var scopes = new List<string>();
        foreach (var raw in options.Scopes)
        {
            if (Security.Scopes.Normalize(raw) is not { } scope)
            {
                error = $"{prefix}:Scopes (key '{options.Name}') has '{raw}'; the scopes are {Security.Scopes.Listed("and")}.";
                return false;
            }

            if (!scopes.Contains(scope))
            {
                scopes.Add(scope);
            }
        }

        if (scopes.Count == 0)
        {
            error = $"{prefix}:Scopes (key '{options.Name}') is empty; give it {Security.Scopes.Listed("and/or")}.";
            return false;
        }

        entry = new ApiKeyEntry(options.Name.Trim(), hash, scopes);
        error = null;
        return true;
    }
}
