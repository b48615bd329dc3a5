namespace Insights.Cluster.Tests;

using System.Diagnostics;
using System.Runtime.InteropServices;

/// <summary>
/// One silo as its own process (the Silo project's build output), so it can die by <c>kill -9</c> like a crashed
/// pod, or stop on SIGTERM like a pod being replaced. Keeps its ports across restarts; logs go to a file per silo.
/// </summary>
public sealed class SiloProcess : IDisposable
{
    private const int SigTerm = 15;
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };
    private readonly Dictionary<string, string> _settings;
    private readonly string _logPath;
    private Process? _process;
    private StreamWriter? _log;

    public SiloProcess(int index, IReadOnlyDictionary<string, string> clusterSettings, string logFolder, IReadOnlyDictionary<string, string>? ownSettings = null)
    {
        Index = index;
        HttpPort = LoopbackPorts.Free();
        SiloPort = LoopbackPorts.Free();
        GatewayPort = LoopbackPorts.Free();
        _settings = new Dictionary<string, string>(clusterSettings)
        {
            ["Insights:Cluster:SiloPort"] = SiloPort.ToString(),
            ["Insights:Cluster:GatewayPort"] = GatewayPort.ToString(),
        };
        foreach (var (key, value) in ownSettings ?? new Dictionary<string, string>())
        {
            _settings[key] = value;
        }

        _logPath = Path.Combine(logFolder, $"silo-{index}.log");
    }

    public int Index { get; }

    public int HttpPort { get; }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public int? Pid => _process is { HasExited: false } p ? p.Id : null;

    /// <summary>The silo's build output next to this test's: same configuration (Debug or Release).</summary>
    private static string SiloAssembly
    {
        get
        {
            var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
            var path = Path.Combine(RepoRoot.Path, "Silo", "bin", configuration, "net10.0", "Insights.Silo.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"Build the Silo project first: {path} is missing.", path);
        }
    }

    public async Task StartAsync(TimeSpan timeout)
    {
        var assembly = SiloAssembly;
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(assembly);
        // Not ASPNETCORE_URLS: the "Urls" of appsettings.json would win over it; a plain "Urls" variable wins over the file.
        info.Environment["Urls"] = $"http://127.0.0.1:{HttpPort}";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in _settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        _log = new StreamWriter(_logPath, append: true) { AutoFlush = true };
        await _log.WriteLineAsync($"---- start {DateTimeOffset.UtcNow:O}");
        var log = _log;
        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, e) => Write(log, e.Data);
        _process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        ChildProcesses.Track(_process);

        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Silo {Index} exited with code {_process.ExitCode} while starting; see {_logPath}");
            }

            if (await IsReadyAsync())
            {
                return;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Silo {Index} was not ready within {timeout}; see {_logPath}");
    }

    public async Task<bool> IsReadyAsync()
    {
        try
        {
            using var response = await Http.GetAsync($"http://127.0.0.1:{HttpPort}/readyz");
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>SIGKILL: no shutdown code runs, as when a node dies.</summary>
    public void Kill()
    {
        _process?.Kill();
        _process?.WaitForExit();
        _log?.WriteLine($"---- killed {DateTimeOffset.UtcNow:O}");
    }

    /// <summary>SIGTERM, as Kubernetes stops a pod: the silo stops pulling, deactivates its grains and exits.</summary>
    public async Task StopGracefullyAsync(TimeSpan timeout)
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }

        if (SysKill(process.Id, SigTerm) != 0)
        {
            throw new InvalidOperationException($"kill -TERM {process.Id} failed: errno {Marshal.GetLastPInvokeError()}");
        }

        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Silo {Index} did not stop within {timeout} of SIGTERM; see {_logPath}");
        }

        _log?.WriteLine($"---- stopped with exit code {process.ExitCode} {DateTimeOffset.UtcNow:O}");
    }

    public string LogTail(int lines = 40)
    {
        try
        {
            using var stream = new FileStream(_logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var all = new StreamReader(stream).ReadToEnd().Split('\n');
            return string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException)
        {
            return "";
        }
    }

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        _log?.Dispose();
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SysKill(int pid, int signal);
}

/// <summary>Silo processes must not outlive a test host that dies: they are killed when this process exits.</summary>
internal static class ChildProcesses
{
    private static readonly List<Process> Started = [];

    static ChildProcesses() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        lock (Started)
        {
            foreach (var process in Started)
            {
                try
                {
                    if (!process.HasExited)
                    {
                        process.Kill(entireProcessTree: true);
                    }
                }
                catch (InvalidOperationException)
                {
                }
            }
        }
    };

    public static void Track(Process process)
    {
        lock (Started)
        {
            Started.Add(process);
        }
    }
}
