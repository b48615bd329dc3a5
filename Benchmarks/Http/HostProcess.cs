namespace Insights.Benchmarks.Http;

using System.Diagnostics;
using Insights.Testing;

/// <summary>
/// A host of the repository (Silo, Api) as its own process from its Release build output, settings as environment
/// variables, ready once <c>/readyz</c> answers; its output goes to a log file, so a failure can name its end.
/// </summary>
internal sealed class HostProcess : IDisposable
{
    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(2) };
    private readonly string _project;
    private readonly string _assemblyName;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly string _logPath;
    private Process? _process;
    private StreamWriter? _log;

    public HostProcess(string project, string assemblyName, IReadOnlyDictionary<string, string> settings, string logFolder)
    {
        _project = project;
        _assemblyName = assemblyName;
        _settings = settings;
        _logPath = Path.Combine(logFolder, project.ToLowerInvariant() + ".log");
        HttpPort = LoopbackPorts.Free();
    }

    public int HttpPort { get; }

    public string BaseUrl => $"http://127.0.0.1:{HttpPort}";

    public int Pid => _process?.Id ?? 0;

    /// <summary>Processor time the process has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process!.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public async Task StartAsync(TimeSpan timeout)
    {
        // The benchmark project references both hosts (without their assemblies), so a Release build of it builds them.
        var assembly = Path.Combine(RepoRoot.Path, _project, "bin", "Release", "net10.0", _assemblyName + ".dll");
        if (!File.Exists(assembly))
        {
            throw new FileNotFoundException($"Build {_project} in Release first (dotnet build {_project} -c Release): {assembly} is missing.", assembly);
        }

        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(assembly);
        // A plain "Urls" variable wins over the "Urls" of appsettings.json (ASPNETCORE_URLS would not).
        info.Environment["Urls"] = BaseUrl;
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in _settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        _log = new StreamWriter(_logPath, append: true) { AutoFlush = true };
        var log = _log;
        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, e) => Write(log, e.Data);
        _process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{_project} exited with code {_process.ExitCode} while starting; its log ends:\n{LogTail()}");
            }

            if (await IsReadyAsync())
            {
                return;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{_project} was not ready within {timeout}; its log ends:\n{LogTail()}");
    }

    public string LogTail(int lines = 40)
    {
        try
        {
            using var stream = new FileStream(_logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return string.Join('\n', new StreamReader(stream).ReadToEnd().Split('\n').TakeLast(lines));
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

    private async Task<bool> IsReadyAsync()
    {
        try
        {
            using var response = await Probe.GetAsync(BaseUrl + "/readyz");
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
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
                // The process wrote its last line after the benchmark closed the log.
            }
        }
    }
}
