namespace Insights.Benchmarks.Http;

using System.Diagnostics;
using System.Text.Json;
using Insights.Wire;

/// <summary>
/// The same batches read both ways on one thread: a <see cref="JsonDocument"/> per body and
/// <see cref="WireEventParser"/> per element (the ingest path before), and <see cref="WireBatchParser"/>'s single pass
/// (now). Timed in processor time, which a busy machine disturbs far less than wall time.
/// </summary>
internal static class ParserComparison
{
    public sealed record Result(double DocumentEventsPerCpuSecond, double SinglePassEventsPerCpuSecond);

    public static Result Run(IReadOnlyList<byte[]> batches, int rounds)
    {
        var limits = new IngestLimits();
        var elementParser = new WireEventParser(limits, TimeProvider.System);
        var batchParser = new WireBatchParser(limits, TimeProvider.System);
        long Document(byte[] body)
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
            var valid = 0L;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                valid += elementParser.Parse(element, DateTimeOffset.UtcNow).IsValid ? 1 : 0;
            }

            return valid;
        }

        long SinglePass(byte[] body) =>
            batchParser.Parse(body, DateTimeOffset.UtcNow, 16, limits.MaxBatchEvents).Items.Count(i => i.Result.IsValid);

        // Warm-up: JIT for both.
        Measure(batches.Take(20).ToList(), 1, Document);
        Measure(batches.Take(20).ToList(), 1, SinglePass);
        return new Result(Measure(batches, rounds, Document), Measure(batches, rounds, SinglePass));
    }

    private static double Measure(IReadOnlyList<byte[]> batches, int rounds, Func<byte[], long> parse)
    {
        using var self = Process.GetCurrentProcess();
        var before = self.TotalProcessorTime;
        var events = 0L;
        for (var r = 0; r < rounds; r++)
        {
            foreach (var batch in batches)
            {
                events += parse(batch);
            }
        }

        self.Refresh();
        return events / (self.TotalProcessorTime - before).TotalSeconds;
    }
}
