namespace Insights.Streaming.Tests.EventHubs.Support;

using System.Globalization;
using System.Text;
using Azure.Messaging.EventHubs;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Streaming.EventHubs;
using Orleans.Streaming.EventHubs.Testing;

/// <summary>
/// Generators for the provider's in-process data generator (<c>AddEventDataGeneratorStreams</c>), registered as the
/// keyed <c>Func&lt;StreamId, IStreamDataGenerator&lt;EventData&gt;&gt;</c> of the provider. A video stream gets
/// <see cref="Script"/>: wire JSON as other producers send it, partition key = the video id, read once. Any other stream
/// gets filler: the partition generator must fill every read, so once the scripts are done Orleans messages of a
/// stream nobody subscribes to make up the rest (and are dropped by the pulling agent).
/// </summary>
public static class WireEventGenerators
{
    public const string FillerNamespace = "filler";

    public static Func<StreamId, IStreamDataGenerator<EventData>> Factory(IReadOnlyDictionary<string, IReadOnlyList<string>> scripts, Serializer serializer) =>
        streamId => scripts.TryGetValue(streamId.GetKeyAsString(), out var script) && streamId.GetNamespace() != FillerNamespace
            ? new Script(streamId, script)
            : new Filler(streamId, serializer);

    private abstract class Generator(StreamId streamId) : IStreamDataGenerator<EventData>
    {
        public StreamId StreamId => streamId;

        public IIntCounter SequenceNumberCounter { protected get; set; } = null!;

        public bool ShouldProduce { protected get; set; } = true;

        public abstract bool TryReadEvents(int maxCount, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IEnumerable<EventData>? events);

        protected EventData Next(ReadOnlyMemory<byte> body, string partitionKey, IDictionary<string, object>? properties = null)
        {
            SequenceNumberCounter.Increment();
            var sequence = SequenceNumberCounter.Value;
            return EventHubsModelFactory.EventData(new BinaryData(body), properties ?? new Dictionary<string, object>(), null, partitionKey,
                sequence, sequence.ToString(CultureInfo.InvariantCulture), DateTimeOffset.UtcNow);
        }
    }

    private sealed class Script(StreamId streamId, IReadOnlyList<string> lines) : Generator(streamId)
    {
        private int _next;

        public override bool TryReadEvents(int maxCount, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IEnumerable<EventData>? events)
        {
            var list = new List<EventData>();
            while (ShouldProduce && list.Count < maxCount && _next < lines.Count)
            {
                list.Add(Next(Encoding.UTF8.GetBytes(lines[_next++]), StreamId.GetKeyAsString()));
            }

            events = list;
            return list.Count > 0;
        }
    }

    private sealed class Filler(StreamId streamId, Serializer serializer) : Generator(streamId)
    {
        public override bool TryReadEvents(int maxCount, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IEnumerable<EventData>? events)
        {
            // Keeps the generator from spinning a core once the scripts are done.
            Thread.Sleep(20);
            var list = new List<EventData>();
            for (var i = 0; i < maxCount; i++)
            {
                var sent = EventHubBatchContainer.ToEventData(serializer, StreamId.Create(FillerNamespace, "idle"), new[] { i }, null);
                list.Add(Next(sent.EventBody.ToMemory(), "idle", new Dictionary<string, object>(sent.Properties)));
            }

            events = list;
            return true;
        }
    }
}
