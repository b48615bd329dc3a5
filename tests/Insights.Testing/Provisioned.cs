namespace Insights.Testing;

using System.Security.Cryptography;

/// <summary>
/// What <c>provision.sh</c> installs before the suite runs (test.sh calls it first). Tests never install anything:
/// installing from parallel test assemblies raced on the dpkg lock. They check here, and a miss names the program and
/// the script that provides it.
/// </summary>
public static class Provisioned
{
    public const string Script = "provision.sh";

    public const string RedisServer = "/usr/bin/redis-server";

    public const string Chromium = "/usr/bin/chromium";

    /// <summary>Azurite's package folder (<c>.local/azurite</c>, pinned by <c>tests/azurite</c>).</summary>
    public static string AzuritePackage() =>
        Path.Combine(NpmFolder(Path.Combine("tests", "azurite"), Path.Combine(".local", "azurite")), "node_modules", "azurite");

    /// <summary>The folder whose node_modules holds playwright-core (pinned by the dashboard test's lock file).</summary>
    public static string PlaywrightFolder() =>
        NpmFolder(Path.Combine("tests", "Insights.Dashboard.Tests"), Path.Combine(".local", "dashboard-node"));

    /// <summary>The program's path; throws naming the Debian package and this script when it is missing.</summary>
    public static string Program(string path, string debianPackage) =>
        File.Exists(path)
            ? path
            : throw Missing($"{path} is missing (Debian package {debianPackage})");

    /// <summary>
    /// The install folder of an npm lock file, when the script installed exactly that lock file there: its marker
    /// holds the lock file's SHA-256.
    /// </summary>
    private static string NpmFolder(string lockFolder, string installFolder)
    {
        var root = RepoRoot.Path;
        var lockFile = Path.Combine(root, lockFolder, "package-lock.json");
        var target = Path.Combine(root, installFolder);
        var marker = Path.Combine(target, ".installed");
        var expected = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(lockFile)));
        if (!File.Exists(marker))
        {
            throw Missing($"{installFolder} is not installed (npm ci of {lockFolder}/package-lock.json)");
        }

        if (!string.Equals(File.ReadAllText(marker).Trim(), expected, StringComparison.OrdinalIgnoreCase))
        {
            throw Missing($"{installFolder} was installed from another version of {lockFolder}/package-lock.json");
        }

        return target;
    }

    private static InvalidOperationException Missing(string what) =>
        new($"{what}: run ./{Script} (./test.sh runs it first), which installs everything the tests need.");
}
