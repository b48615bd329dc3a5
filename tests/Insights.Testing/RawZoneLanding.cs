namespace Insights.Testing;

using System.Globalization;
using System.Text.Json;
using Insights.Generator;
using Insights.Lake;
using Insights.Lake.Records;
using Insights.Lake.Writing;
using Insights.Lake.Zones;
using Insights.Wire;

/// <summary>Lands a generated dataset in the raw zone as the API would have, each event received when it was due.</summary>
public static class RawZoneLanding
{
    public static async Task LandAsync(ILakeStore lake, GeneratedDataset dataset, int eventsPerBatch = 250)
    {
        var store = lake.Zone(LakeZone.Raw);
        var format = new JsonLinesGzipFormat<RawEventRecord>(LakeJsonContext.Default.RawEventRecord);
        var batch = 0;
        foreach (var chunk in dataset.Events.Chunk(eventsPerBatch))
        {
            var records = chunk.Select((e, i) => new RawEventRecord
            {
                ReceivedAt = e.SendAt,
                Source = "test",
                BatchId = $"b{batch:D4}",
                Index = i,
                Type = e.Event.Type,
                Event = new RawJson(JsonSerializer.Serialize(e.Event, WireJsonContext.Default.WireEvent)),
            }).ToList();
            foreach (var hour in records.GroupBy(r => r.ReceivedAt.UtcDateTime.ToString("yyyy-MM-dd'/hour='HH", CultureInfo.InvariantCulture)))
            {
                foreach (var part in hour.GroupBy(r => RawZoneWriter.DatasetOf(r.Type)))
                {
                    var bytes = await format.EncodeAsync(part.ToList(), default);
                    await store.WriteAsync($"{part.Key}/date={hour.Key}/part-{batch:D4}.jsonl.gz", bytes);
                }
            }

            batch++;
        }
    }
}
