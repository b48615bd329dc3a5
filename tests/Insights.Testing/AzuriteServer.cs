namespace Insights.Testing;

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using global::Azure.Core;
using global::Azure.Storage.Blobs;

/// <summary>
/// Microsoft's Azurite storage emulator, blob, queue and table services, on free loopback ports over a temporary folder;
/// installed by <c>provision.sh</c> (see <see cref="Provisioned"/>). Used by test fixtures and by the benchmark.
/// Its processes die with <see cref="DisposeAsync"/>, and with this process if that is killed (they exit when their
/// stdin, held by this process, closes).
/// </summary>
public class AzuriteServer
{
    private static readonly string Node = OperatingSystem.IsWindows() ? "node.exe" : "node";

    public const string AccountName = "devstoreaccount1";
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly string _location = Path.Combine(Path.GetTempPath(), "insights-azurite-" + Guid.NewGuid().ToString("N"));
    private Service? _blob;
    private Service? _queue;
    private Service? _table;

    public int BlobPort => Started(_blob).Port;

    public int QueuePort => Started(_queue).Port;

    public int TablePort => Started(_table).Port;

    public Uri BlobEndpoint => new($"http://127.0.0.1:{BlobPort}/{AccountName}");

    public Uri QueueEndpoint => new($"http://127.0.0.1:{QueuePort}/{AccountName}");

    public Uri TableEndpoint => new($"http://127.0.0.1:{TablePort}/{AccountName}");

    /// <summary>The well-known development account, with this run's blob, queue and table endpoints.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint};";

    /// <summary>Client options for tests: few, quick retries, so a broken emulator fails a test fast.</summary>
    public static BlobClientOptions ClientOptions()
    {
        var options = new BlobClientOptions();
        options.Retry.MaxRetries = 2;
        options.Retry.Mode = RetryMode.Fixed;
        options.Retry.Delay = TimeSpan.FromMilliseconds(100);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        return options;
    }

    public BlobServiceClient CreateBlobServiceClient() => new(ConnectionString, ClientOptions());

    /// <summary>A container name no other test uses (the container itself is not created).</summary>
    public static string UniqueContainerName(string prefix = "t") => prefix + "-" + Guid.NewGuid().ToString("N");

    public async Task InitializeAsync()
    {
        var repo = RepoRoot.Path;
        var package = Provisioned.AzuritePackage();
        var launcher = Path.Combine(repo, "tests", "azurite", "launch.js");
        Directory.CreateDirectory(_location);
        var started = await Task.WhenAll(
            StartAsync("blob", launcher, Path.Combine(package, "dist", "src", "blob", "main.js")),
            StartAsync("queue", launcher, Path.Combine(package, "dist", "src", "queue", "main.js")),
            StartAsync("table", launcher, Path.Combine(package, "dist", "src", "table", "main.js")));
        (_blob, _queue, _table) = (started[0], started[1], started[2]);
    }

    public Task DisposeAsync()
    {
        _blob?.Dispose();
        _queue?.Dispose();
        _table?.Dispose();
        try
        {
            Directory.Delete(_location, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless.
        }

        return Task.CompletedTask;
    }

    private static Service Started(Service? service) =>
        service ?? throw new InvalidOperationException("Azurite is not started (the fixture failed to initialize).");

    private async Task<Service> StartAsync(string kind, string launcher, string main)
    {
        // A free port can be taken between choosing and binding it: try a few.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreeLoopbackPort();
            var service = Service.Start(
                launcher,
                main,
                [
                    $"--{kind}Host", "127.0.0.1", $"--{kind}Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "--location", _location, "--skipApiVersionCheck", "--loose", "--silent", "--disableTelemetry",
                ],
                port);
            try
            {
                await service.WaitUntilListeningAsync(StartTimeout);
                return service;
            }
            catch (Exception) when (attempt < 3 && service.HasExited)
            {
                service.Dispose();
            }
            catch
            {
                service.Dispose();
                throw;
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private sealed class Service : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();

        private Service(Process process, int port)
        {
            _process = process;
            Port = port;
        }

        public int Port { get; }

        public bool HasExited => _process.HasExited;

        public static Service Start(string launcher, string main, IReadOnlyList<string> options, int port)
        {
            var info = new ProcessStartInfo(Node)
            {
                RedirectStandardInput = true, // held open until disposal; its end stops the launcher
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            info.ArgumentList.Add(launcher);
            info.ArgumentList.Add(main);
            foreach (var option in options)
            {
                info.ArgumentList.Add(option);
            }

            var process = new Process { StartInfo = info };
            var service = new Service(process, port);
            process.OutputDataReceived += (_, e) => ProcessRunner.Append(service._output, e.Data);
            process.ErrorDataReceived += (_, e) => ProcessRunner.Append(service._output, e.Data);
            try
            {
                process.Start();
            }
            catch (System.ComponentModel.Win32Exception ex)
            {
                process.Dispose();
                throw new InvalidOperationException(
                    $"Cannot run '{Node}' ({ex.Message}). The Azurite tests need Node.js 20 or later on the PATH.", ex);
            }

            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return service;
        }

        public async Task WaitUntilListeningAsync(TimeSpan timeout)
        {
            var deadline = Stopwatch.StartNew();
            while (true)
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException(
                        $"Azurite exited with code {_process.ExitCode} before listening on port {Port}:\n{ProcessRunner.Tail(_output)}");
                }

                try
                {
                    using var client = new TcpClient();
                    using var attempt = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                    await client.ConnectAsync(IPAddress.Loopback, Port, attempt.Token);
                    return;
                }
                catch (Exception ex) when (ex is SocketException or OperationCanceledException)
                {
                    if (deadline.Elapsed > timeout)
                    {
                        throw new TimeoutException(
                            $"Azurite did not listen on port {Port} within {timeout}:\n{ProcessRunner.Tail(_output)}");
                    }

                    await Task.Delay(50);
                }
            }
        }

        public void Dispose()
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                    _process.WaitForExit(5000);
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            _process.Dispose();
        }
    }
}
