namespace Insights.Dashboard.Tests;

using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Insights.Testing;

/// <summary>
/// What the browser test needs, installed by <c>provision.sh</c>: Debian's chromium and the playwright-core pinned by
/// this folder's package-lock.json (in <c>.local/dashboard-node</c>; playwright downloads no browser).
/// </summary>
public static class BrowserTooling
{
    public static string SourceFolder => Path.Combine(Insights.Testing.RepoRoot.Path, "tests", "Insights.Dashboard.Tests");

    /// <summary>Where the scripts save their screenshots (ignored by git).</summary>
    public static string Artifacts => Path.Combine(SourceFolder, "artifacts");

    /// <summary>Throws, naming what to install, when chromium or playwright-core is missing: before a test posts anything.</summary>
    public static void RequireTooling()
    {
        Provisioned.Program(Provisioned.Chromium, "chromium");
        Provisioned.PlaywrightFolder();
    }

    /// <summary>
    /// Runs one of this folder's browser scripts with node against the API at <paramref name="api"/>: the environment
    /// every script reads (<c>dashboard-harness.mjs</c>: the API's address and key, chromium, playwright-core, the
    /// artifacts folder) plus the script's own <paramref name="scenario"/> variables.
    /// </summary>
    public static Task<(int ExitCode, string Output)> RunScriptAsync(
        string script, Uri api, string apiKey, IDictionary<string, string> scenario, Func<string, Task>? onLine = null)
    {
        Directory.CreateDirectory(Artifacts);
        var env = new Dictionary<string, string>(scenario)
        {
            ["DASHBOARD_URL"] = api.ToString().TrimEnd('/'),
            ["DASHBOARD_NODE"] = Provisioned.PlaywrightFolder(),
            ["DASHBOARD_ARTIFACTS"] = Artifacts,
            ["DASHBOARD_CHROMIUM"] = Provisioned.Program(Provisioned.Chromium, "chromium"),
            ["DASHBOARD_API_KEY"] = apiKey,
        };
        return RunAsync("node", [Path.Combine(SourceFolder, script)], SourceFolder, TimeSpan.FromSeconds(120), env, onLine);
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
