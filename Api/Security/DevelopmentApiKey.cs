namespace Insights.Api.Security;

/// <summary>
/// The key of a developer's machine: <c>Insights:Auth:DevelopmentKey</c> when set, else a random one drawn at start
/// when nothing else is configured, so a local run is never open without a key. Development environment only.
/// </summary>
public sealed record DevelopmentApiKey(string Key, bool Generated)
{
    public ApiKeyEntry Entry { get; } = new(ApiKeyEntry.DevelopmentName, ApiKeyHash.Compute(Key), Scopes.All);

    public static DevelopmentApiKey? Resolve(AuthOptions options, IHostEnvironment environment)
    {
        if (!environment.IsDevelopment())
        {
            return null;
        }

        if (!string.IsNullOrWhiteSpace(options.DevelopmentKey))
        {
            return new DevelopmentApiKey(options.DevelopmentKey.Trim(), Generated: false);
        }

        return options.ApiKeys.Count == 0 && !options.Jwt.Enabled ? new DevelopmentApiKey(ApiKeyHash.NewKey(), Generated: true) : null;
    }
}
