namespace Insights.Api.Tests.Wire;

using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Insights.Api.Tests.Corpus;
using Insights.Generator;
using Insights.Wire;

/// <summary>
/// The single-pass batch parser against what ingest did before it: a <see cref="JsonDocument"/> of the body, then
/// <see cref="WireEventParser"/> on each element. Over the bad-input corpus, generated batches of every event type,
/// and thousands of generated batches damaged byte by byte, both must give the same verdict on the body, and for each
/// event the same event, reason, type, id and JSON text.
/// </summary>
public sealed class WireBatchParserDifferentialTests
{
    private const int MaxDepth = 16;
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);
    private static readonly IngestLimits Limits = new();

    [Fact]
    public void Every_corpus_body_reads_the_same_both_ways()
    {
        var numbers = CorpusRunner.Numbers(Limits, MaxDepth);
        numbers["now"] = Now.ToUnixTimeSeconds();
        var bodies = CorpusFiles.Load().Where(i => i.Get is null).Select(i => (i.Label, new CorpusTemplate(i, numbers, "diff").Body())).ToList();
        Assert.True(bodies.Count > 100, $"only {bodies.Count} corpus bodies");
        foreach (var (label, body) in bodies)
        {
            AssertSame(label, body);
        }
    }

    [Fact]
    public void Generated_batches_of_every_event_type_read_the_same_both_ways()
    {
        var events = Generated();
        Assert.Contains(events, e => e.Type == WireFields.TypeVideo);
        Assert.Contains(events, e => e.Type == WireFields.TypeEngagement);
        foreach (var (chunk, n) in events.Chunk(500).Select((c, n) => (c, n)))
        {
            var body = WireJson.SerializeBatch([.. chunk]);
            var outcome = AssertSame($"batch {n}", body);
            Assert.True(outcome.Count(o => o.StartsWith("ok", StringComparison.Ordinal)) > chunk.Length / 2, $"batch {n}: most generated events are valid");
        }
    }

    [Fact]
    public void Damaged_batches_read_the_same_both_ways()
    {
        // Bytes that change what JSON means: quotes, escapes, brackets, separators, digits, signs, bad UTF-8, line breaks.
        byte[] damage = [.. "\"\\{}[],:0-1.eEtnx \n"u8, 0xC3, 0x80, 0xFF, 0xED];
        string[] splices = ["\\u0074", "\\ud800", "\\udc00", "\\u00e9", "null", "[]", "{}", "1e3", "-1", "99999999999999999999", "\"type\":\"video\",", "\"id\":7,"];
        var random = new Random(17);
        var batches = Generated().Chunk(20).Select(c => WireJson.SerializeBatch([.. c])).ToList();
        for (var n = 0; n < 4000; n++)
        {
            var body = batches[random.Next(batches.Count)].ToList();
            for (var hits = random.Next(1, 4); hits > 0; hits--)
            {
                var at = random.Next(body.Count);
                switch (random.Next(3))
                {
                    case 0:
                        body[at] = damage[random.Next(damage.Length)];
                        break;
                    case 1:
                        body.InsertRange(at, Encoding.UTF8.GetBytes(splices[random.Next(splices.Length)]));
                        break;
                    default:
                        body.RemoveAt(at);
                        break;
                }
            }

            AssertSame($"damaged body {n}", [.. body]);
        }
    }

    [Theory]
    [InlineData("""[{"type":"comment","id":"a","video_id":"v","text":"x","create_time":1700000000,"id":"b"}]""")]
    [InlineData("""[{"\u0074ype":"comment","id":"a","video_id":"v","text":"x","create_time":1700000000}]""")]
    [InlineData("""[{"type":"comment","id":"a","video_id":"v","text":"x","create_time":1700000000,"\ud800x":1}]""")]
    [InlineData("""[{"type":"comment","\ud800":1,"id":"a","video_id":"v","text":"x","create_time":1700000000}]""")]
    [InlineData("""[{"type":"comment","id":"a","video_id":"v","text":"\ud83d\ude00 \u00e9\n","create_time":1700000000,"like_count":null}]""")]
    [InlineData("""[{"type":"video","id":1,"username":"u","create_time":1700000000,"hashtag_names":["a",null],"hashtag_names":["b","\ud800"]}]""")]
    [InlineData("""[{"type":"video","id":1,"username":"u","create_time":1700000000,"hashtag_names":["a","b"],"x":{"y":[1,{"z":2}]}}]""")]
    [InlineData("""[1, "a", null, true, [], {}]""")]
    [InlineData("""{"type":"comment"}""")]
    [InlineData(""" [] """)]
    [InlineData("""[] x""")]
    [InlineData("")]
    public void Tricky_bodies_read_the_same_both_ways(string body) => AssertSame(body, Encoding.UTF8.GetBytes(body));

    [Fact]
    public void A_batch_over_the_limit_is_counted_but_not_read()
    {
        var body = Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Repeat("{}", 12)) + "]");
        var batch = new WireBatchParser(Limits, new FixedClock(Now)).Parse(body, Now, MaxDepth, maxEvents: 10);
        Assert.True(batch.IsArray);
        Assert.Equal(12, batch.Count);
        Assert.Empty(batch.Items);
    }

    private static List<WireEvent> Generated() =>
        [.. DatasetGenerator.Generate(new GeneratorOptions
        {
            Seed = 3,
            Videos = 20,
            Creators = 5,
            Comments = 2_000,
            Start = Now.AddHours(-3),
            Span = TimeSpan.FromHours(2),
        }).Events.Select(e => e.Event)];

    /// <summary>Both readings of <paramref name="body"/> as lines to compare; the new one's lines are returned.</summary>
    private static List<string> AssertSame(string label, byte[] body)
    {
        var before = Before(body);
        var now = After(body);
        Assert.True(before.Count == now.Count, $"{label}: {before.Count} outcomes before, {now.Count} now");
        for (var i = 0; i < before.Count; i++)
        {
            Assert.True(before[i] == now[i], $"{label}, line {i}:\n before: {before[i]}\n now:    {now[i]}");
        }

        return now;
    }

    /// <summary>As EventIngestor read a body before the single pass.</summary>
    private static List<string> Before(byte[] body)
    {
        var parser = new WireEventParser(Limits, new FixedClock(Now));
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException ex)
        {
            return ["malformed: " + ex.Message];
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                return ["not an array: " + root.ValueKind];
            }

            var lines = new List<string> { "array of " + root.GetArrayLength() };
            if (root.GetArrayLength() > Limits.MaxBatchEvents)
            {
                // Refused as too long before any event is read.
                return lines;
            }

            foreach (var element in root.EnumerateArray())
            {
                lines.Add(Line(parser.Parse(element, Now), JsonMarshal.GetRawUtf8Value(element)));
            }

            return lines;
        }
    }

    private static List<string> After(byte[] body)
    {
        var batch = new WireBatchParser(Limits, new FixedClock(Now)).Parse(body, Now, MaxDepth, Limits.MaxBatchEvents);
        if (batch.Malformed is { } malformed)
        {
            return ["malformed: " + malformed];
        }

        if (!batch.IsArray)
        {
            return ["not an array: " + batch.RootKind];
        }

        var lines = new List<string> { "array of " + batch.Count };
        lines.AddRange(batch.Items.Select(item => Line(item.Result, item.Json(body).Span)));
        return lines;
    }

    private static string Line(WireParseResult result, ReadOnlySpan<byte> json)
    {
        var parsed = result.Event is { } e ? "ok " + JsonSerializer.Serialize(e, e.GetType()) : "refused " + result.Error;
        return $"{parsed} | type {result.Type} | id {result.Id} | json {Convert.ToBase64String(json)}";
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
