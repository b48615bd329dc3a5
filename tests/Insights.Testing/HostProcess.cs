namespace Insights.Testing;

using System.Diagnostics;
using System.Runtime.InteropServices;

/// <summary>
/// A host of the repository (Silo, Api) as its own process, from its build output next to the caller's (same
/// configuration: a test's or the benchmark's), with settings as environment variables; it can die by
/// <c>kill -9</c> or stop on SIGTERM. Ready once <c>/readyz</c> answers; logs go to a file.
/// </summary>
public class HostProcess : IDisposable
{
    private const int SigTerm = 15;
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };
    private readonly string _project;
    private readonly string _assemblyName;
    private readonly string _name;
    private readonly Dictionary<string, string> _settings;
    private readonly string _logPath;
    private Process? _process;
    private StreamWriter? _log;

    public HostProcess(string project, string assemblyName, string name, string logFile, IReadOnlyDictionary<string, string> settings, string logFolder)
    {
        _project = project;
        _assemblyName = assemblyName;
        _name = name;
        HttpPort = LoopbackPorts.Free();
        _settings = new Dictionary<string, string>(settings);
        _logPath = Path.Combine(logFolder, logFile);
    }

    public int HttpPort { get; }

    public string BaseUrl => $"http://127.0.0.1:{HttpPort}";

    public int? Pid => _process is { HasExited: false } p ? p.Id : null;

    /// <summary>Processor time the process has used so far (the benchmark's cost per event).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process!.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>The host's build output next to this test's: same configuration (Debug or Release).</summary>
    private string Assembly
    {
        get
        {
            var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
            var path = Path.Combine(RepoRoot.Path, _project, "bin", configuration, "net10.0", _assemblyName + ".dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"Build the {_project} project first: {path} is missing.", path);
        }
    }

    public async Task StartAsync(TimeSpan timeout)
    {
        var assembly = Assembly;
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
                throw new InvalidOperationException($"{_name} exited with code {_process.ExitCode} while starting; see {_logPath}, which ends:\n{LogTail(60)}");
            }

            if (await IsReadyAsync())
            {
                return;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{_name} was not ready within {timeout}; see {_logPath}, which ends:\n{LogTail(60)}");
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

    /// <summary>SIGTERM, as Kubernetes stops a pod (a silo stops pulling, deactivates its grains and exits).</summary>
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
            throw new TimeoutException($"{_name} did not stop within {timeout} of SIGTERM; see {_logPath}");
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

/// <summary>Host processes must not outlive a test host that dies: they are killed when this process exits.</summary>
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
