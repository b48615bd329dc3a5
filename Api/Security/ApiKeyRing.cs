namespace Insights.Api.Security;

using System.Security.Cryptography;
using Microsoft.Extensions.Options;

/// <summary>
/// The keys accepted right now: the configured ones, rebuilt whenever <c>Insights:Auth</c> changes (rotation without
/// restart), plus the Development key. A reloaded entry that is unusable is logged and left out, never fatal: the
/// other keys keep working.
/// </summary>
public sealed partial class ApiKeyRing : IDisposable
{
    private readonly ILogger<ApiKeyRing> _logger;
    private readonly IDisposable? _subscription;
    private volatile IReadOnlyList<ApiKeyEntry> _keys;

    public ApiKeyRing(IOptionsMonitor<AuthOptions> options, IHostEnvironment environment, ILogger<ApiKeyRing> logger)
    {
        _logger = logger;
        var current = options.CurrentValue;
        Development = DevelopmentApiKey.Resolve(current, environment);
        _keys = Build(current);
        _subscription = options.OnChange(changed => _keys = Build(changed));
    }

    /// <summary>The Development key, or null outside Development (or when other credentials are configured).</summary>
    public DevelopmentApiKey? Development { get; }

    public IReadOnlyList<ApiKeyEntry> Keys => _keys;

    /// <summary>
    /// The entry whose hash is the presented key's, or null. Every entry is compared, in constant time each, so the
    /// time taken says nothing about how close a guess was.
    /// </summary>
    public ApiKeyEntry? Find(string presented)
    {
        if (presented.Length is 0 or > ApiKeyHash.MaxKeyLength)
        {
            return null;
        }

        var hash = ApiKeyHash.Compute(presented);
        ApiKeyEntry? match = null;
        foreach (var entry in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, entry.Hash))
            {
                match ??= entry;
            }
        }

        return match;
    }

    /// <summary>Whether a key of that name is still accepted with <paramref name="scope"/> (stream tokens die with their key).</summary>
    public bool Grants(string name, string scope) =>
        _keys.Any(k => k.Name == name && k.Scopes.Contains(scope));

    public void Dispose() => _subscription?.Dispose();

    private IReadOnlyList<ApiKeyEntry> Build(AuthOptions options)
    {
        var keys = new List<ApiKeyEntry>();
        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            if (ApiKeyEntry.TryRead(options.ApiKeys[i], i, out var entry, out var error))
            {
                keys.Add(entry!);
            }
            else
            {
                LogUnusableKey(error!);
            }
        }

        if (Development is not null)
        {
            keys.Add(Development.Entry);
        }

        LogKeys(keys.Count, string.Join(", ", keys.Select(k => k.Name)));
        return keys;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Ignoring an API key: {Error}")]
    private partial void LogUnusableKey(string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} API keys accepted: {Names}")]
    private partial void LogKeys(int count, string names);
}
