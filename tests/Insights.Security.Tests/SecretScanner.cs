namespace Insights.Security.Tests;

using System.Text.RegularExpressions;

/// <summary>
/// Finds strings that look like credentials: storage account keys, Event Hubs / Service Bus keys, private keys,
/// tokens, passwords in connection strings, API keys. Placeholders (<c>&lt;...&gt;</c>, <c>${...}</c>, <c>$(...)</c>)
/// and the public Azurite development key are allowed.
/// </summary>
public static partial class SecretScanner
{
    /// <summary>Azurite's well-known development account key: published by Microsoft, grants access to nothing real.</summary>
    public const string AzuriteDevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public sealed record Finding(string Path, int Line, string Kind, string Excerpt)
    {
        public override string ToString() => $"{Path}:{Line}: {Kind}: {Excerpt}";
    }

    private static readonly (string Kind, Regex Pattern)[] Rules =
    [
        ("storage account key", StorageKey()),
        ("shared access key", SharedAccessKey()),
        ("shared access signature", SasSignature()),
        ("private key", PrivateKey()),
        ("JSON Web Token", Jwt()),
        ("password", Password()),
        ("API or subscription key", ApiKey()),
        ("GitHub token", GitHubToken()),
        ("AWS access key", AwsKey()),
    ];

    public static IEnumerable<Finding> Scan(string path, string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            foreach (var (kind, pattern) in Rules)
            {
                foreach (Match match in pattern.Matches(lines[i]))
                {
                    var value = match.Groups["v"].Success ? match.Groups["v"].Value : match.Value;
                    if (!IsAllowed(value))
                    {
                        yield return new Finding(path, i + 1, kind, Mask(match.Value));
                    }
                }
            }
        }
    }

    private static bool IsAllowed(string value) =>
        value.Contains(AzuriteDevelopmentKey, StringComparison.Ordinal)
        || value.StartsWith('<') || value.StartsWith("${", StringComparison.Ordinal) || value.StartsWith("$(", StringComparison.Ordinal)
        || value.StartsWith('{') || value.StartsWith('$');

    // Findings are printed: never echo the whole secret.
    private static string Mask(string value) => value.Length <= 12 ? "***" : value[..8] + "***";

    // Not a package-lock integrity hash (sha512-<base64>), which has the same shape.
    [GeneratedRegex(@"(?<![A-Za-z0-9+/-])(?<!sha\d{3}-)(?<v>[A-Za-z0-9+/]{86}==)")]
    private static partial Regex StorageKey();

    [GeneratedRegex(@"SharedAccessKey\s*=\s*(?<v>[^;""'\s]{16,})", RegexOptions.IgnoreCase)]
    private static partial Regex SharedAccessKey();

    [GeneratedRegex(@"[?&]sig=(?<v>[A-Za-z0-9%+/=]{20,})")]
    private static partial Regex SasSignature();

    [GeneratedRegex(@"-----BEGIN (RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----")]
    private static partial Regex PrivateKey();

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}")]
    private static partial Regex Jwt();

    // Connection-string style (no spaces around "="), so code such as "SaslPassword = options.ConnectionString" passes.
    [GeneratedRegex(@"(?:^|[;,""'\s])(?:password|pwd)=(?<v>[^;""'\s,]{6,})", RegexOptions.IgnoreCase)]
    private static partial Regex Password();

    [GeneratedRegex(@"(?:subscription[_-]?key|api[_-]?key|Sentiment__Azure__Key|""Key"")\s*[""':=]+\s*""?(?<v>[0-9a-f]{32})\b", RegexOptions.IgnoreCase)]
    private static partial Regex ApiKey();

    [GeneratedRegex(@"\bgh[pousr]_[A-Za-z0-9]{36}\b")]
    private static partial Regex GitHubToken();

    [GeneratedRegex(@"\bAKIA[0-9A-Z]{16}\b")]
    private static partial Regex AwsKey();
}
