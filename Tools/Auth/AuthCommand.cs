namespace Insights.Tools.Auth;

using System.Security.Cryptography;
using System.Text;

/// <summary>
/// <c>insights auth new-key|hash-key</c>: makes API keys and the SHA-256 hashes the API's configuration holds
/// (<c>Insights:Auth:ApiKeys:N:Hash</c>). The API never stores a plain key, so this is where a key is born.
/// Same hash as <c>printf %s "$KEY" | sha256sum</c>.
/// </summary>
public sealed class AuthCommand(TextWriter output, TextWriter error, TextReader input) : ICommand
{
    private const string Usage = """
        Usage:
          insights auth new-key [--name NAME] [--scopes ingest,read] [--index N]
              a new random key, its hash, and the configuration lines that accept it
          insights auth hash-key [KEY | -]
              the hash of an existing key (read from standard input when omitted or '-', which keeps it out of shell history)
        """;

    public AuthCommand()
        : this(Console.Out, Console.Error, Console.In)
    {
    }

    public string Name => "auth";

    public string Summary => "make API keys and the hashes the API's configuration holds";

    public Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken) =>
        Task.FromResult(args.Count == 0 ? Fail("a subcommand is needed") : args[0] switch
        {
            "new-key" => NewKey(args.Skip(1).ToList()),
            "hash-key" => HashKey(args.Skip(1).ToList()),
            "-h" or "--help" or "help" => Help(),
            var other => Fail($"unknown subcommand '{other}'"),
        });

    /// <summary>SHA-256 of the key's UTF-8 bytes, lower-case hex: what <c>Insights:Auth:ApiKeys:N:Hash</c> holds.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>32 random bytes, base64url, prefixed so that secret scanners and people recognise it.</summary>
    public static string NewKeyValue() =>
        "ins_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private int NewKey(List<string> args)
    {
        string name = "key-" + DateTime.UtcNow.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        string[] scopes = ["ingest", "read"];
        var index = 0;
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--name" when !string.IsNullOrWhiteSpace(value): name = value; i++; break;
                case "--scopes" when value is not null:
                    scopes = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    if (scopes.Length == 0 || scopes.Any(s => s is not ("ingest" or "read")))
                    {
                        return Fail($"--scopes: '{value}' is not ingest, read or ingest,read");
                    }

                    i++;
                    break;
                case "--index" when int.TryParse(value, out index) && index >= 0: i++; break;
                default: return Fail($"unexpected '{args[i]}'");
            }
        }

        var key = NewKeyValue();
        var prefix = $"Insights__Auth__ApiKeys__{index}__";
        output.WriteLine($"Key (give it to the client; it is not shown again, and the API never stores it):\n  {key}\n");
        output.WriteLine($"Hash (SHA-256):\n  {Hash(key)}\n");
        output.WriteLine("Configuration (environment variables, or the same keys with ':' in appsettings.json / Key Vault with '--'):");
        output.WriteLine($"  {prefix}Name={name}");
        output.WriteLine($"  {prefix}Hash={Hash(key)}");
        for (var i = 0; i < scopes.Length; i++)
        {
            output.WriteLine($"  {prefix}Scopes__{i}={scopes[i]}");
        }

        output.WriteLine("\nRotation: add the new key beside the old one (another index), move clients over, then remove the old one.");
        return 0;
    }

    private int HashKey(List<string> args)
    {
        if (args.Count > 1)
        {
            return Fail("hash-key takes one key");
        }

        var key = args.Count == 0 || args[0] == "-" ? input.ReadToEnd().TrimEnd('\r', '\n') : args[0];
        if (key.Length == 0)
        {
            return Fail("the key is empty");
        }

        output.WriteLine(Hash(key));
        return 0;
    }

    private int Help()
    {
        output.WriteLine(Usage);
        return 0;
    }

    private int Fail(string message)
    {
        error.WriteLine($"insights auth: {message}\n{Usage}");
        return 2;
    }
}
