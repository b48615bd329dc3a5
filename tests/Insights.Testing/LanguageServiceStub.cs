namespace Insights.Testing;

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

/// <summary>A document as the stub received it.</summary>
public sealed record StubDocument(string Id, string? Language, string Text);

/// <summary>One HTTP request as the stub received it, numbered from 1 in arrival order.</summary>
public sealed record StubRequest(
    int Number,
    long Timestamp,
    string Method,
    string Path,
    string? ApiVersion,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    string? Kind,
    string? ModelVersion,
    IReadOnlyList<StubDocument> Documents)
{
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;
}

/// <summary>What the stub answers: a status and body, extra headers, a delay, or a dropped connection.</summary>
public sealed record StubReply(int Status, string? Body = null, IReadOnlyDictionary<string, string>? Headers = null, TimeSpan Delay = default, bool Abort = false);

/// <summary>The stub's verdict on one document: a documented sentiment and scores, or a per-document error.</summary>
public sealed record StubVerdict(string? Sentiment, double Positive, double Neutral, double Negative, string? ErrorCode = null)
{
    public static StubVerdict Error(string code) => new(null, 0, 0, 0, code);
}

/// <summary>
/// The Azure AI Language analyze-text endpoint, served by Kestrel on 127.0.0.1 (a free port) inside the test
/// process. Records every request (path, query, headers, parsed body) and answers with <see cref="Respond"/>,
/// by default the documented success shape with <see cref="DefaultVerdict"/> per document. Counts requests and
/// documents even when <see cref="RecordRequests"/> is off (a benchmark's thousands of requests per second).
/// </summary>
public sealed class LanguageServiceStub : IAsyncDisposable
{
    public const string Key = "stub-key-123";
    public const string AnalyzePath = "/language/:analyze-text";

    private readonly WebApplication app;
    private readonly ConcurrentQueue<StubRequest> requests = new();
    private int count;
    private long documentCount;

    private LanguageServiceStub(WebApplication app, Uri endpoint)
    {
        this.app = app;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    /// <summary>The requests received while <see cref="RecordRequests"/> was on, in arrival order.</summary>
    public IReadOnlyList<StubRequest> Requests => requests.ToArray();

    /// <summary>Whether <see cref="Requests"/> keeps each request; on by default.</summary>
    public bool RecordRequests { get; set; } = true;

    /// <summary>How many requests arrived, recorded or not.</summary>
    public int RequestCount => Volatile.Read(ref count);

    /// <summary>How many documents the requests that arrived carried, recorded or not.</summary>
    public long DocumentCount => Interlocked.Read(ref documentCount);

    /// <summary>How the stub answers a request; may be replaced at any time.</summary>
    public Func<StubRequest, StubReply> Respond { get; set; } = Success();

    public static async Task<LanguageServiceStub> StartAsync()
    {
        LanguageServiceStub? stub = null;
        var (app, address) = await LoopbackHttpServer.StartAsync(context => stub!.HandleAsync(context));
        stub = new LanguageServiceStub(app, new Uri(address + "/"));
        return stub;
    }

    /// <summary>An endpoint where nothing listens: connections are refused.</summary>
    public static Uri RefusingEndpoint() => new(LoopbackHttpServer.RefusingAddress() + "/");

    /// <summary>
    /// The default verdict: text containing "good" is positive, "bad" negative, "mixed" mixed (positive 0.6,
    /// negative 0.4), "reject" a per-document error; anything else neutral.
    /// </summary>
    public static StubVerdict DefaultVerdict(StubDocument document) => document.Text switch
    {
        var t when t.Contains("reject", StringComparison.Ordinal) => StubVerdict.Error("InvalidDocument"),
        var t when t.Contains("mixed", StringComparison.Ordinal) => new StubVerdict("mixed", 0.6, 0.0, 0.4),
        var t when t.Contains("good", StringComparison.Ordinal) => new StubVerdict("positive", 0.9, 0.06, 0.04),
        var t when t.Contains("bad", StringComparison.Ordinal) => new StubVerdict("negative", 0.02, 0.08, 0.9),
        _ => NeutralVerdict(document),
    };

    /// <summary>Every document neutral: positive 0.1, neutral 0.8, negative 0.1.</summary>
    public static StubVerdict NeutralVerdict(StubDocument document) => new("neutral", 0.1, 0.8, 0.1);

    public static Func<StubRequest, StubReply> Success(Func<StubDocument, StubVerdict>? verdict = null) =>
        request => new StubReply(200, SuccessBody(request.Documents, verdict ?? DefaultVerdict));

    /// <summary>The documented 200 body: documents with sentiment and confidence scores, errors with code and message.</summary>
    public static string SuccessBody(IReadOnlyList<StubDocument> documents, Func<StubDocument, StubVerdict> verdict)
    {
        var results = new JsonArray();
        var errors = new JsonArray();
        foreach (var document in documents)
        {
            var v = verdict(document);
            if (v.ErrorCode is { } code)
            {
                errors.Add(new JsonObject
                {
                    ["id"] = document.Id,
                    ["error"] = new JsonObject { ["code"] = "InvalidArgument", ["message"] = "Invalid document in request.", ["innererror"] = new JsonObject { ["code"] = code, ["message"] = "Document text is empty." } },
                });
                continue;
            }

            results.Add(new JsonObject
            {
                ["id"] = document.Id,
                ["sentiment"] = v.Sentiment,
                ["confidenceScores"] = new JsonObject { ["positive"] = v.Positive, ["neutral"] = v.Neutral, ["negative"] = v.Negative },
                ["sentences"] = new JsonArray(new JsonObject
                {
                    ["sentiment"] = v.Sentiment,
                    ["confidenceScores"] = new JsonObject { ["positive"] = v.Positive, ["neutral"] = v.Neutral, ["negative"] = v.Negative },
                    ["offset"] = 0,
                    ["length"] = document.Text.Length,
                    ["text"] = document.Text,
                }),
                ["warnings"] = new JsonArray(),
            });
        }

        return new JsonObject
        {
            ["kind"] = "SentimentAnalysisResults",
            ["results"] = new JsonObject { ["documents"] = results, ["errors"] = errors, ["modelVersion"] = "2022-11-01" },
        }.ToJsonString();
    }

    public static StubReply Error(int status, string code = "InternalServerError", IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = $"Stub says {status}." } }.ToJsonString(), headers);

    private async Task HandleAsync(HttpContext context)
    {
        var timestamp = Stopwatch.GetTimestamp();
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var request = Parse(Interlocked.Increment(ref count), timestamp, context.Request, body);
        Interlocked.Add(ref documentCount, request.Documents.Count);
        if (RecordRequests)
        {
            requests.Enqueue(request);
        }

        var reply = Respond(request);
        if (reply.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(reply.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (reply.Abort)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (reply.Body is not null)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(reply.Body);
        }
    }

    private static StubRequest Parse(int number, long timestamp, HttpRequest http, string body)
    {
        var headers = http.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
        string? kind = null, modelVersion = null;
        var documents = new List<StubDocument>();
        try
        {
            if (JsonNode.Parse(body) is JsonObject root)
            {
                kind = root["kind"]?.GetValue<string>();
                modelVersion = root["parameters"]?["modelVersion"]?.GetValue<string>();
                foreach (var item in root["analysisInput"]?["documents"]?.AsArray() ?? [])
                {
                    documents.Add(new StubDocument(item!["id"]!.GetValue<string>(), item["language"]?.GetValue<string>(), item["text"]!.GetValue<string>()));
                }
            }
        }
        catch (JsonException)
        {
            // Recorded with no documents; the test sees the raw body.
        }

        return new StubRequest(number, timestamp, http.Method, http.Path.Value ?? "", http.Query["api-version"].FirstOrDefault(), headers, body, kind, modelVersion, documents);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
