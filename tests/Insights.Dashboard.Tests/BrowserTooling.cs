namespace Insights.Dashboard.Tests;

using System.ComponentModel;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

/// <summary>
/// Installs what the browser test needs when it is missing: Debian's chromium (apt-get, as root) and the
/// playwright-core pinned by this folder's package-lock.json (npm ci into <c>.local/dashboard-node</c>, git-ignored;
/// playwright downloads no browser).
/// </summary>
public static class BrowserTooling
{
    public const string Chromium = "/usr/bin/chromium";
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static string SourceFolder => Path.Combine(Insights.Testing.RepoRoot.Path, "tests", "Insights.Dashboard.Tests");

    public static string NodeFolder => Path.Combine(Insights.Testing.RepoRoot.Path, ".local", "dashboard-node");

    public static async Task EnsureChromiumAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (File.Exists(Chromium))
            {
                return;
            }

            if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/apt-get"))
            {
                throw new InvalidOperationException($"{Chromium} is missing and this is not a Debian-like machine: install Chromium there.");
            }

            var env = new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" };
            await RunCheckedAsync("apt-get", ["update"], "/", TimeSpan.FromMinutes(10), env);
            await RunCheckedAsync("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], "/", TimeSpan.FromMinutes(15), env);
            if (!File.Exists(Chromium))
            {
                throw new InvalidOperationException($"apt-get installed chromium but {Chromium} does not exist.");
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Runs <c>npm ci</c> of the pinned lock file once per lock file content; returns the install folder.</summary>
    public static async Task<string> EnsurePlaywrightAsync()
    {
        await Gate.WaitAsync();
        try
        {
            var target = NodeFolder;
            Directory.CreateDirectory(target);
            var lockFile = Path.Combine(SourceFolder, "package-lock.json");
            var hash = Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(lockFile)));
            var marker = Path.Combine(target, ".installed");
            var package = Path.Combine(target, "node_modules", "playwright-core", "package.json");
            if (File.Exists(marker) && (await File.ReadAllTextAsync(marker)).Trim() == hash && File.Exists(package))
            {
                return target;
            }

            File.Delete(marker);
            File.Copy(Path.Combine(SourceFolder, "package.json"), Path.Combine(target, "package.json"), overwrite: true);
            File.Copy(lockFile, Path.Combine(target, "package-lock.json"), overwrite: true);
            await RunCheckedAsync(
                "npm",
                ["ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"],
                target,
                TimeSpan.FromMinutes(10),
                new Dictionary<string, string> { ["npm_config_update_notifier"] = "false", ["PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD"] = "1" });
            await File.WriteAllTextAsync(marker, hash);
            return target;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task RunCheckedAsync(string file, string[] args, string cwd, TimeSpan timeout, IDictionary<string, string> env)
    {
        var (code, output) = await RunAsync(file, args, cwd, timeout, env, onLine: null);
        if (code != 0)
        {
            throw new InvalidOperationException($"'{file} {string.Join(' ', args)}' failed with exit code {code}:\n{output}");
        }
    }

    /// <summary>Runs a process to completion; <paramref name="onLine"/> sees each standard output line as it comes.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string file, IEnumerable<string> args, string cwd, TimeSpan timeout, IDictionary<string, string> env, Func<string, Task>? onLine)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = cwd,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in env)
        {
            info.Environment[key] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException($"Cannot run '{file}' ({ex.Message}); the dashboard test needs it on the PATH (Node.js 20+ and npm for node/npm).", ex);
        }

        var stderr = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync() is { } line)
            {
                lock (output)
                {
                    output.AppendLine(line);
                }
            }
        });
        var stdout = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                lock (output)
                {
                    output.AppendLine(line);
                }

                if (onLine is not null)
                {
                    await onLine(line);
                }
            }
        });

        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
            await Task.WhenAll(stdout, stderr).WaitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            lock (output)
            {
                throw new TimeoutException($"'{file} {string.Join(' ', args)}' did not finish within {timeout}:\n{output}");
            }
        }

        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }
}
