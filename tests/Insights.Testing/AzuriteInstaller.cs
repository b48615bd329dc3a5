namespace Insights.Testing;

using System.Security.Cryptography;
using System.Text.Json;

/// <summary>
/// Installs the Azurite version pinned by <c>tests/azurite/package-lock.json</c> into <c>.local/azurite</c>
/// (git-ignored) with <c>npm ci</c>, once per machine and lock file; everything comes from the npm registry.
/// </summary>
internal static class AzuriteInstaller
{
    public const string Version = "3.35.0";
    public const int MinimumNodeMajor = 20;
    private static readonly string Npm = OperatingSystem.IsWindows() ? "npm.cmd" : "npm";

    public static string Node => OperatingSystem.IsWindows() ? "node.exe" : "node";

    /// <summary>Returns the folder of the installed azurite package.</summary>
    public static async Task<string> EnsureInstalledAsync(string repoRoot)
    {
        await CheckNodeAsync(repoRoot);

        var source = Path.Combine(repoRoot, "tests", "azurite");
        var target = Path.Combine(repoRoot, ".local", "azurite");
        var package = Path.Combine(target, "node_modules", "azurite");
        Directory.CreateDirectory(target);
        var lockHash = Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(source, "package-lock.json"))));
        var marker = Path.Combine(target, ".installed");

        // Another test process may be installing right now: take turns on a lock file.
        await using var installLock = await AcquireAsync(Path.Combine(target, ".install.lock"), TimeSpan.FromMinutes(10));
        if (File.Exists(marker) && (await File.ReadAllTextAsync(marker)).Trim() == lockHash && InstalledVersion(package) == Version)
        {
            return package;
        }

        File.Delete(marker);
        File.Copy(Path.Combine(source, "package.json"), Path.Combine(target, "package.json"), overwrite: true);
        File.Copy(Path.Combine(source, "package-lock.json"), Path.Combine(target, "package-lock.json"), overwrite: true);
        var result = await ProcessRunner.RunAsync(
            Npm,
            ["ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"],
            target,
            TimeSpan.FromMinutes(10),
            "Installing the Azurite storage emulator");
        if (result.ExitCode != 0 || InstalledVersion(package) != Version)
        {
            throw new InvalidOperationException(
                $"'npm ci' of azurite@{Version} into {target} failed (exit code {result.ExitCode}):\n{result.Output}");
        }

        await File.WriteAllTextAsync(marker, lockHash);
        return package;
    }

    private static async Task CheckNodeAsync(string repoRoot)
    {
        var result = await ProcessRunner.RunAsync(Node, ["--version"], repoRoot, TimeSpan.FromSeconds(30), "Running the Azurite storage emulator");
        var text = result.Output.Trim().TrimStart('v');
        if (result.ExitCode != 0 || !int.TryParse(text.Split('.')[0], out var major))
        {
            throw new InvalidOperationException($"'{Node} --version' failed (exit code {result.ExitCode}): {result.Output}");
        }

        if (major < MinimumNodeMajor)
        {
            throw new InvalidOperationException(
                $"Azurite {Version} needs Node.js {MinimumNodeMajor} or later; '{Node}' on the PATH is {result.Output.Trim()}.");
        }
    }

    private static string? InstalledVersion(string package)
    {
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(package, "package.json")));
            return json.RootElement.GetProperty("version").GetString();
        }
        catch (Exception ex) when (ex is IOException or JsonException or KeyNotFoundException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static async Task<FileStream> AcquireAsync(string path, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
        }
    }
}
