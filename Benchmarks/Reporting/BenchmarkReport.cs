namespace Insights.Benchmarks.Reporting;

using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;

/// <summary>
/// The figures of one benchmark run, by key, as <c>.local/benchmark.json</c> holds them for tools and for
/// <c>docs/performance.md</c>: each benchmark sets the keys it measured; a key a run did not measure is absent, not 0.
/// </summary>
public sealed class BenchmarkReport
{
    private readonly SortedDictionary<string, double> _figures = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, string> _notes = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, double> Figures => _figures;

    public void Set(string key, double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"{key}: a figure must be a finite number");
        }

        _figures[key] = Math.Round(value, 3);
    }

    /// <summary>Words that go with the figures: what a figure was measured on, why one is missing.</summary>
    public void Note(string key, string text) => _notes[key] = text;

    public string ToJson()
    {
        var root = new JsonObject
        {
            ["measured_at"] = DateTimeOffset.UtcNow.ToString("O"),
            ["machine"] = new JsonObject
            {
                ["cores"] = Environment.ProcessorCount,
                ["runtime"] = RuntimeInformation.FrameworkDescription,
                ["os"] = RuntimeInformation.OSDescription,
                ["architecture"] = RuntimeInformation.ProcessArchitecture.ToString(),
                ["server_gc"] = System.Runtime.GCSettings.IsServerGC,
            },
        };
        foreach (var (key, value) in _figures)
        {
            root[key] = value;
        }

        if (_notes.Count > 0)
        {
            root["notes"] = new JsonObject(_notes.Select(n => KeyValuePair.Create(n.Key, (JsonNode?)n.Value)));
        }

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>Writes the report to <paramref name="path"/> whole or not at all (a reader never sees half a file).</summary>
    public async Task WriteAsync(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, ToJson());
        File.Move(temporary, path, overwrite: true);
    }
}
