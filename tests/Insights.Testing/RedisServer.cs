namespace Insights.Testing;

using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

/// <summary>
/// Debian's redis-server (installed by <c>provision.sh</c>) on a free loopback port, without persistence; for
/// the cluster membership of multi-silo tests. Stopped by <see cref="DisposeAsync"/>.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly StringBuilder _output = new();
    private Process? _process;

    public int Port { get; private set; }

    /// <summary>A StackExchange.Redis configuration string for this server.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public async Task StartAsync()
    {
        var program = Provisioned.Program(Provisioned.RedisServer, "redis-server");
        for (var attempt = 1; ; attempt++)
        {
            Port = LoopbackPorts.Free();
            var info = new ProcessStartInfo(program)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "no" })
            {
                info.ArgumentList.Add(argument);
            }

            _process = Process.Start(info)!;
            _process.OutputDataReceived += (_, e) => ProcessRunner.Append(_output, e.Data);
            _process.ErrorDataReceived += (_, e) => ProcessRunner.Append(_output, e.Data);
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
            if (await AnswersPingAsync(TimeSpan.FromSeconds(15)))
            {
                return;
            }

            Stop();
            if (attempt == 3)
            {
                throw new InvalidOperationException($"redis-server did not answer PING on port {Port}:\n{ProcessRunner.Tail(_output)}");
            }
        }
    }

    private async Task<bool> AnswersPingAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && _process is { HasExited: false })
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                var stream = client.GetStream();
                await stream.WriteAsync("PING\r\n"u8.ToArray());
                var buffer = new byte[16];
                var read = await stream.ReadAsync(buffer);
                if (Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal))
                {
                    return true;
                }
            }
            catch (SocketException)
            {
            }

            await Task.Delay(100);
        }

        return false;
    }

    private void Stop()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        _process = null;
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }
}
