namespace Insights.Benchmarks.Durable;

using System.Diagnostics;
using System.Globalization;

/// <summary>
/// Processor time used by this process (the silo and its producers) and by each Azurite service it started (found as
/// child processes by the service's script in their command line, on Linux): where a run's CPU went on a machine whose
/// two cores they share.
/// </summary>
internal static class CpuMeter
{
    private static readonly string[] AzuriteServices = ["blob", "queue", "table"];

    public static IReadOnlyDictionary<string, TimeSpan> Sample()
    {
        var sample = new Dictionary<string, TimeSpan>(StringComparer.Ordinal)
        {
            ["silo"] = Process.GetCurrentProcess().TotalProcessorTime,
        };
        if (!OperatingSystem.IsLinux())
        {
            return sample;
        }

        var self = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields[1] != self)
                {
                    continue; // fields[1] is the parent's id
                }

                var command = File.ReadAllText(Path.Combine(dir, "cmdline"));
                var service = AzuriteServices.FirstOrDefault(s => command.Contains($"/{s}/main.js", StringComparison.Ordinal));
                if (service is not null)
                {
                    // utime and stime, fields 14 and 15 of stat, in clock ticks (100 a second on Linux).
                    var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                    sample["azurite " + service] = TimeSpan.FromSeconds(ticks / 100.0);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                // A process that ended meanwhile, or one that is not ours to read.
            }
        }

        return sample;
    }

    public static IReadOnlyDictionary<string, TimeSpan> Since(IReadOnlyDictionary<string, TimeSpan> before) =>
        Sample().ToDictionary(s => s.Key, s => s.Value - before.GetValueOrDefault(s.Key), StringComparer.Ordinal);
}
