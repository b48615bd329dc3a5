namespace Insights.Benchmarks;

using System.Diagnostics;
using System.Runtime.InteropServices;

/// <summary>
/// Processor time of the calling thread (Linux: <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>, nanoseconds): what one
/// thread's work costs on a machine whose cores other processes share, where wall time stretches with their load.
/// Elsewhere the process's processor time, which a single busy thread dominates.
/// </summary>
internal static class ThreadCpuTime
{
    private const int ClockThreadCpuTime = 3;

    public static TimeSpan Now()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTime, out var time) == 0)
        {
            return TimeSpan.FromTicks((time.Seconds * TimeSpan.TicksPerSecond) + (time.Nanoseconds / 100));
        }

        return Process.GetCurrentProcess().TotalProcessorTime;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
}
