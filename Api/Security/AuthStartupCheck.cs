namespace Insights.Api.Security;

/// <summary>
/// Refuses to start on a configuration that would leave the API open or half working, and announces the
/// Development key. Runs once the configuration is complete (test hosts and late providers included).
/// </summary>
internal static class AuthStartupCheck
{
    public static void Run(AuthOptions options, IHostEnvironment environment, DevelopmentApiKey? development, TextWriter console)
    {
        var errors = new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            if (!ApiKeyEntry.TryRead(options.ApiKeys[i], i, out var entry, out var error))
            {
                errors.Add(error!);
            }
            else if (!names.Add(entry!.Name))
            {
                errors.Add($"{AuthOptions.SectionName}:ApiKeys:{i}:Name '{entry.Name}' is used twice; names identify keys during rotation.");
            }
        }

        var jwt = options.Jwt;
        const string jwtPrefix = AuthOptions.SectionName + ":Jwt";
        if (jwt.Enabled)
        {
            if (!jwt.AllAudiences().Any())
            {
                errors.Add($"{jwtPrefix}:Audience is required with bearer tokens (the API's application ID URI or client id).");
            }

            if (!string.IsNullOrWhiteSpace(jwt.SigningKey) && !StreamTokens.TryReadKey(jwt.SigningKey, out _))
            {
                errors.Add($"{jwtPrefix}:SigningKey must be base64 of at least 32 bytes.");
            }

            if (string.IsNullOrWhiteSpace(jwt.Authority) && string.IsNullOrWhiteSpace(jwt.Issuer))
            {
                errors.Add($"{jwtPrefix}:Issuer is required with {jwtPrefix}:SigningKey (there is no authority to name it).");
            }
        }

        var streams = options.StreamTokens;
        if (streams.Lifetime < TimeSpan.FromSeconds(1) || streams.Lifetime > TimeSpan.FromHours(1))
        {
            errors.Add($"{AuthOptions.SectionName}:StreamTokens:Lifetime must be between 00:00:01 and 01:00:00 (is {streams.Lifetime}).");
        }

        if (!string.IsNullOrWhiteSpace(streams.SigningKey) && !StreamTokens.TryReadKey(streams.SigningKey, out _))
        {
            errors.Add($"{AuthOptions.SectionName}:StreamTokens:SigningKey must be base64 of at least 32 bytes.");
        }

        if (options.ApiKeys.Count == 0 && !jwt.Enabled && development is null)
        {
            errors.Add(
                $"No credential is configured, and the API never runs open. Set API keys ({AuthOptions.SectionName}:ApiKeys:0:Name, " +
                $"{AuthOptions.SectionName}:ApiKeys:0:Hash (SHA-256 of the key: `insights auth new-key`), {AuthOptions.SectionName}:ApiKeys:0:Scopes:0=ingest|read|alerts) " +
                $"and/or bearer tokens ({jwtPrefix}:Authority and {jwtPrefix}:Audience). " +
                $"({AuthOptions.SectionName}:DevelopmentKey counts in the Development environment only; this is '{environment.EnvironmentName}'.)");
        }

        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Insights API authentication is misconfigured:\n  " + string.Join("\n  ", errors));
        }

        if (development is { Generated: true })
        {
            console.WriteLine();
            console.WriteLine($"Insights API key for local development: {development.Key} (scopes {string.Join(", ", Scopes.All)})");
            console.WriteLine($"  Send it as '{ApiKeyCredentials.HeaderName}: <key>'. It changes at every start; set {AuthOptions.SectionName}:DevelopmentKey to keep one.");
            console.WriteLine();
        }
    }
}
