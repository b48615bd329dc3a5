namespace Insights.Generator.Tests;

using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Insights.Wire;

/// <summary>A sink that records what it got and when, and answers as told.</summary>
public sealed class FakeSink(TimeProvider time, Func<WireEvent, int, SinkItemResult>? answer = null) : IEventSink
{
    private readonly Lock _lock = new();
    private readonly Dictionary<WireEvent, int> _seen = new(ReferenceEqualityComparer.Instance);

    public List<(DateTimeOffset At, IReadOnlyList<WireEvent> Events)> Calls { get; } = [];

    public Func<IReadOnlyList<WireEvent>, Exception?>? Fail { get; set; }

    public Task<IReadOnlyList<SinkItemResult>> SendAsync(IReadOnlyList<WireEvent> events, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            Calls.Add((time.GetUtcNow(), events.ToList()));
            if (Fail?.Invoke(events) is { } ex)
            {
                throw ex;
            }

            var results = new List<SinkItemResult>(events.Count);
            foreach (var e in events)
            {
                var attempt = _seen.GetValueOrDefault(e);
                _seen[e] = attempt + 1;
                results.Add(answer?.Invoke(e, attempt) ?? SinkItemResult.Accepted);
            }

            return Task.FromResult<IReadOnlyList<SinkItemResult>>(results);
        }
    }
}

/// <summary>An HTTP handler that answers as a test function says, and records the requests.</summary>
public sealed class StubHandler(Func<StubRequest, HttpResponseMessage> respond) : HttpMessageHandler
{
    private int _calls;

    public ConcurrentQueue<StubRequest> Requests { get; } = new();

    public int Calls => _calls;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var r = new StubRequest(Interlocked.Increment(ref _calls), request.Method, request.RequestUri!, request.Content?.Headers.ContentType?.MediaType, body);
        Requests.Enqueue(r);
        return respond(r);
    }

    /// <summary>An ingest answer with one item per event, the status chosen per event.</summary>
    public static HttpResponseMessage Answer(StubRequest r, Func<JsonElement, string> status, bool listAccepted = true)
    {
        var items = new List<object>();
        int accepted = 0, rejected = 0, retry = 0;
        var index = 0;
        foreach (var e in r.Events)
        {
            var s = status(e);
            _ = s switch { "accepted" => accepted++, "rejected" => rejected++, _ => retry++ };
            if (listAccepted || s != "accepted")
            {
                items.Add(new Dictionary<string, object?>
                {
                    ["index"] = index,
                    ["status"] = s,
                    ["type"] = e.GetProperty("type").GetString(),
                    ["id"] = e.TryGetProperty("id", out var id) ? id.GetString() : e.GetProperty("video_id").GetString(),
                    ["error"] = s == "rejected" ? "text: must not be empty" : null,
                });
            }

            index++;
        }

        var json = JsonSerializer.Serialize(new Dictionary<string, object> { ["accepted"] = accepted, ["rejected"] = rejected, ["retry"] = retry, ["items"] = items });
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
    }
}

public sealed record StubRequest(int Call, HttpMethod Method, Uri Uri, string? MediaType, string Body)
{
    public List<JsonElement> Events => JsonDocument.Parse(Body).RootElement.EnumerateArray().ToList();
}

public static class Datasets
{
    /// <summary>A small dataset entirely in the past, so every event is valid now.</summary>
    public static GeneratorOptions Small(int seed = 7) => new()
    {
        Seed = seed,
        Creators = 8,
        Videos = 20,
        Comments = 1_500,
        Span = TimeSpan.FromHours(1),
        Start = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero),
    };

    private static readonly Lazy<GeneratedDataset> DefaultLazy = new(() => DatasetGenerator.Generate(new GeneratorOptions()));

    /// <summary>The default options (50 creators, 200 videos, 20,000 comments, 2h), generated once.</summary>
    public static GeneratedDataset Default => DefaultLazy.Value;

    public static async Task WaitUntil(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting until {what}.");
            }

            await Task.Delay(1);
        }
    }
}
