namespace Insights.Testing;

using System.ComponentModel;
using System.Diagnostics;
using System.Text;

/// <summary>Runs a command to completion, capturing its output; a missing executable is reported by name.</summary>
internal static class ProcessRunner
{
    public sealed record Result(int ExitCode, string Output);

    public static async Task<Result> RunAsync(
        string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, string whatFor, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["npm_config_update_notifier"] = "false";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException(
                $"Cannot run '{fileName}' ({ex.Message}). {whatFor} needs Node.js 20 or later and npm on the PATH: " +
                "install them (https://nodejs.org) and run the tests again.", ex);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{fileName} {string.Join(' ', info.ArgumentList)}' did not finish within {timeout}:\n{Tail(output)}");
        }

        process.WaitForExit(); // flushes the asynchronous output readers
        return new Result(process.ExitCode, Tail(output));
    }

    internal static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    internal static string Tail(StringBuilder output, int chars = 4000)
    {
        lock (output)
        {
            var text = output.ToString();
            return text.Length <= chars ? text : "..." + text[^chars..];
        }
    }
}
