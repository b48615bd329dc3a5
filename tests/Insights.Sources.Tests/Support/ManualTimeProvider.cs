namespace Insights.Sources.Tests.Support;

using Insights.Testing;

/// <summary>The shared observed fake clock (FakeTimeProvider underneath), starting by default at the current whole second.</summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : ObservedTimeProvider(start)
{
    public ManualTimeProvider()
        : this(new DateTimeOffset(DateTime.UtcNow.Ticks - DateTime.UtcNow.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero))
    {
    }
}
