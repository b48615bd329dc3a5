namespace Insights.Sources.Tests.Support;

using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

/// <summary>A meter factory of its own (so parallel tests do not see each other) and the sums of its counters by tags.</summary>
internal sealed class MetricsRecorder : IMeterFactory
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, long Value, KeyValuePair<string, object?>[] Tags)> _measurements = new();
    private readonly List<Meter> _meters = [];

    public MetricsRecorder()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            lock (_meters)
            {
                if (_meters.Contains(instrument.Meter))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            _measurements.Enqueue((instrument.Name, value, tags.ToArray())));
        _listener.Start();
        Metrics = new SourceMetrics(this);
    }

    public SourceMetrics Metrics { get; }

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options.Name, options.Version, options.Tags, this);
        lock (_meters)
        {
            _meters.Add(meter);
        }

        return meter;
    }

    /// <summary>The sum of <paramref name="instrument"/> over the measurements carrying every tag given (<c>"reason=http_500"</c>).</summary>
    public long Sum(string instrument, params string[] tags) => _measurements
        .Where(m => m.Instrument == instrument && tags.All(t =>
        {
            var (key, value) = (t.Split('=', 2)[0], t.Split('=', 2)[1]);
            return m.Tags.Any(tag => tag.Key == key && Equals(tag.Value?.ToString(), value));
        }))
        .Sum(m => m.Value);

    public void Dispose()
    {
        _listener.Dispose();
        lock (_meters)
        {
            foreach (var meter in _meters)
            {
                meter.Dispose();
            }
        }
    }
}
