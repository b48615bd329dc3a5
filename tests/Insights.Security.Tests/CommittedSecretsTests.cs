namespace Insights.Security.Tests;

using System.Diagnostics;

/// <summary>Secrets come from configuration, the environment or Key Vault: nothing key-like may be committed.</summary>
public sealed class CommittedSecretsTests
{
    private static readonly HashSet<string> BinaryExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".png", ".jpg", ".jpeg", ".gif", ".ico", ".parquet", ".gz", ".zip", ".duckdb", ".dll", ".exe", ".pdf", ".woff", ".woff2",
    };

    /// <summary>This file: its samples below are fake secrets made to be found.</summary>
    private const string OwnSamples = "tests/Insights.Security.Tests/CommittedSecretsTests.cs";

    [Fact]
    public void No_tracked_file_holds_a_key_like_string()
    {
        var files = TrackedFiles();
        Assert.True(files.Count > 100, $"expected the repository's files, found {files.Count}");

        var findings = new List<SecretScanner.Finding>();
        foreach (var file in files)
        {
            if (BinaryExtensions.Contains(Path.GetExtension(file)) || file == OwnSamples)
            {
                continue;
            }

            var full = Path.Combine(RepoRoot.Path, file);
            if (!File.Exists(full) || new FileInfo(full).Length > 5_000_000)
            {
                continue;
            }

            findings.AddRange(SecretScanner.Scan(file, File.ReadAllText(full)));
        }

        Assert.True(findings.Count == 0, "Key-like strings in the repository (move them to configuration, the environment or Key Vault):\n" + string.Join('\n', findings));
    }

    [Theory]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=prod;AccountKey=q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c2v3b4n5m6q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7==;", "storage account key")]
    [InlineData("Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4MTIzNDU2Nzg=", "shared access key")]
    [InlineData("https://acct.blob.core.windows.net/c?sv=2022-11-02&ss=b&sig=AbCdEfGhIjKlMnOpQrStUvWxYz0123456789%2B%3D", "shared access signature")]
    [InlineData("-----BEGIN RSA PRIVATE KEY-----", "private key")]
    [InlineData("Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dGhpc2lzYXNpZ25hdHVyZXZhbHVl", "JSON Web Token")]
    [InlineData("Server=tcp:x.sql.azuresynapse.net;User ID=admin;Password=Hunter2Hunter2;", "password")]
    [InlineData("redis.cache.windows.net:6380,password=8fJk2LmNpQrStUvWx,ssl=True", "password")]
    [InlineData("Insights__Sentiment__Azure__Key=0123456789abcdef0123456789abcdef", "API or subscription key")]
    [InlineData("\"Key\": \"0123456789abcdef0123456789abcdef\"", "API or subscription key")]
    [InlineData("token: ghp_abcdefghijklmnopqrstuvwxyz0123456789", "GitHub token")]
    [InlineData("aws_access_key_id = AKIAABCDEFGHIJKLMNOP", "AWS access key")]
    public void The_scanner_finds_each_kind_of_secret(string line, string kind)
    {
        var finding = Assert.Single(SecretScanner.Scan("sample.txt", line));
        Assert.Equal(kind, finding.Kind);
        Assert.DoesNotContain(line[^10..], finding.Excerpt); // printed masked
    }

    [Theory]
    [InlineData("AccountKey=" + SecretScanner.AzuriteDevelopmentKey)]
    [InlineData("Insights__Cluster__Redis__ConnectionString=<redis-name>.redis.cache.windows.net:6380,password=<access-key>,ssl=True")]
    [InlineData("password=${REDIS_PASSWORD}")]
    [InlineData("--value \"Endpoint=sb://<namespace>.servicebus.windows.net/;SharedAccessKeyName=<rule>;SharedAccessKey=<key>\"")]
    [InlineData("Insights__Sentiment__Azure__Key=")]
    public void Placeholders_and_the_public_emulator_key_pass(string line) =>
        Assert.Empty(SecretScanner.Scan("sample.txt", line));

    private static List<string> TrackedFiles()
    {
        var info = new ProcessStartInfo("git", "ls-files -z")
        {
            WorkingDirectory = RepoRoot.Path,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var git = Process.Start(info)!;
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, "git ls-files failed: the secrets check needs the repository's git metadata");
        return output.Split('\0', StringSplitOptions.RemoveEmptyEntries).ToList();
    }
}
