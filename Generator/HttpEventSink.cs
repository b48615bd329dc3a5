namespace Insights.Generator;

using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Insights.Wire;
using Polly;
using Polly.Retry;

public sealed record HttpEventSinkOptions
{
    /// <summary>Where batches go; relative to <see cref="HttpClient.BaseAddress"/> unless absolute.</summary>
    public string Path { get; init; } = "api/events";

    /// <summary>Events per request; the API takes at most 5,000.</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>Requests in flight at once.</summary>
    public int Parallelism { get; init; } = 4;

    /// <summary>Tries per request when the API is busy (429, 503) or unreachable, before giving up.</summary>
    public int MaxAttempts { get; init; } = 8;

    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest Retry-After honoured; a longer one is cut to this.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Sent as <c>X-Api-Key</c> with every request (the API needs a key with the <c>ingest</c> scope); none when null.</summary>
    public string? ApiKey { get; init; }

    public void Validate()
    {
        if (BatchSize is < 1 or > 5_000)
        {
            throw new ArgumentException("BatchSize must be in [1, 5000].", nameof(BatchSize));
        }

        if (Parallelism < 1)
        {
            throw new ArgumentException("Parallelism must be at least 1.", nameof(Parallelism));
        }

        if (MaxAttempts < 1)
        {
            throw new ArgumentException("MaxAttempts must be at least 1.", nameof(MaxAttempts));
        }
    }
}

/// <summary>
/// Sends events to <c>POST /api/events</c> in batches, several at once. A busy (429, 503, 502, 504), unreachable or
/// timed-out API is retried by a Polly retry pipeline: exponential backoff, or the Retry-After the API asks for, a
/// bounded number of times; any other failure (400 and 413 included: those are bugs; 401 and 403: a missing or wrong
/// key) throws <see cref="EventSinkException"/> at once. Per-item "retry" answers are returned to the caller, who
/// decides when to send those again.
/// <para>
/// The retry runs here around <see cref="HttpClient.SendAsync(HttpRequestMessage, CancellationToken)"/> rather than
/// as a resilience handler inside the client: each attempt then stays bounded by the client's own
/// <see cref="HttpClient.Timeout"/>, as one request, while the waits between attempts (up to
/// <see cref="HttpEventSinkOptions.MaxRetryAfter"/>) are not. Get the client from <see cref="IngestHttpClient"/>.
/// </para>
/// </summary>
public sealed class HttpEventSink : IEventSink
{
    private readonly HttpClient _http;
    private readonly HttpEventSinkOptions _options;
    private readonly TimeProvider _time;
    private readonly ResiliencePipeline<HttpResponseMessage> _retry;

    public HttpEventSink(HttpClient http, HttpEventSinkOptions? options = null, TimeProvider? time = null)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _options = options ?? new HttpEventSinkOptions();
        _options.Validate();
        _time = time ?? TimeProvider.System;
        _retry = BuildRetry();
    }

    public HttpEventSinkOptions Options => _options;

    /// <summary>Requests sent, retries included.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Requests that were answered 429/503 or failed to connect and were tried again.</summary>
    public long TransientFailures => Interlocked.Read(ref _transientFailures);

    private long _requests;
    private long _transientFailures;

    public async Task<IReadOnlyList<SinkItemResult>> SendAsync(IReadOnlyList<WireEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var results = new SinkItemResult?[events.Count];
        var batches = Enumerable.Range(0, (events.Count + _options.BatchSize - 1) / _options.BatchSize)
            .Select(b => (Offset: b * _options.BatchSize, Count: Math.Min(_options.BatchSize, events.Count - b * _options.BatchSize)));
        try
        {
            await Parallel.ForEachAsync(
                batches,
                new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = cancellationToken },
                async (batch, ct) =>
                {
                    var slice = new List<WireEvent>(batch.Count);
                    for (var i = 0; i < batch.Count; i++)
                    {
                        slice.Add(events[batch.Offset + i]);
                    }

                    var answer = await SendBatchAsync(slice, ct);
                    answer.CopyTo(results, batch.Offset);
                });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            throw new EventSinkException(ex is EventSinkException ? ex.Message : $"Sending events failed: {ex.Message}", ex, results);
        }

        return results.Select(r => r!.Value).ToArray();
    }

    private async Task<SinkItemResult?[]> SendBatchAsync(List<WireEvent> batch, CancellationToken ct)
    {
        var body = WireJson.SerializeBatch(batch);
        var attempts = 0;
        HttpResponseMessage response;
        try
        {
            response = await _retry.ExecuteAsync(
                async token =>
                {
                    attempts++;
                    var content = new ByteArrayContent(body);
                    content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                    using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_options.Path, UriKind.RelativeOrAbsolute)) { Content = content };
                    if (_options.ApiKey is { Length: > 0 } key)
                    {
                        request.Headers.Add("X-Api-Key", key);
                    }

                    Interlocked.Increment(ref _requests);
                    return await _http.SendAsync(request, token);
                },
                ct);
        }
        catch (HttpRequestException ex)
        {
            throw GaveUp(batch, attempts, $"connection failed: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw GaveUp(batch, attempts, $"timed out: {ex.Message}", ex);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return Interpret(await response.Content.ReadAsStringAsync(ct), batch);
            }

            var problem = $"{(int)response.StatusCode} {response.ReasonPhrase}: {await Excerpt(response, ct)}";
            throw IsBusy(response.StatusCode)
                ? GaveUp(batch, attempts, problem, null)
                : new EventSinkException($"The ingest API refused a batch of {batch.Count} events: {problem}");
        }
    }

    private static EventSinkException GaveUp(List<WireEvent> batch, int attempts, string lastProblem, Exception? inner) =>
        new($"Gave up on a batch of {batch.Count} events after {attempts} attempts; last: {lastProblem}", inner);

    private static bool IsBusy(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout;

    private ResiliencePipeline<HttpResponseMessage> BuildRetry()
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _time };
        if (_options.MaxAttempts == 1)
        {
            return builder.Build(); // Polly's retry needs at least one retry
        }

        return builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = _options.MaxAttempts - 1,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = false,
            Delay = _options.InitialBackoff,
            MaxDelay = _options.MaxBackoff,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
            {
                { Result: { } r } => IsBusy(r.StatusCode),
                { Exception: HttpRequestException } => true,
                { Exception: TaskCanceledException } => !args.Context.CancellationToken.IsCancellationRequested, // the client's timeout
                _ => false,
            }),
            DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result?.Headers.RetryAfter)),
            OnRetry = _ =>
            {
                Interlocked.Increment(ref _transientFailures);
                return ValueTask.CompletedTask;
            },
        }).Build();
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
    {
        var delay = header switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - _time.GetUtcNow(),
            _ => (TimeSpan?)null,
        };
        if (delay is null)
        {
            return null;
        }

        return delay.Value < TimeSpan.Zero ? TimeSpan.Zero : delay.Value > _options.MaxRetryAfter ? _options.MaxRetryAfter : delay.Value;
    }

    private static SinkItemResult?[] Interpret(string json, List<WireEvent> batch)
    {
        IngestResponse? response;
        try
        {
            response = JsonSerializer.Deserialize(json, GeneratorJsonContext.Default.IngestResponse);
        }
        catch (JsonException ex)
        {
            throw new EventSinkException($"The ingest API answered 200 with a body that is not an ingest result: {ex.Message}", ex);
        }

        if (response is null)
        {
            throw new EventSinkException("The ingest API answered 200 with an empty result.");
        }

        var results = new SinkItemResult?[batch.Count];
        var listed = new int[3];
        foreach (var item in response.Items ?? [])
        {
            if (item.Index < 0 || item.Index >= batch.Count)
            {
                throw new EventSinkException($"The ingest API answered about item {item.Index} of a batch of {batch.Count}.");
            }

            var status = item.Status?.ToLowerInvariant() switch
            {
                "accepted" => SinkStatus.Accepted,
                "rejected" => SinkStatus.Rejected,
                "retry" => SinkStatus.Retry,
                _ => throw new EventSinkException($"The ingest API answered an unknown status '{item.Status}' for item {item.Index}."),
            };
            results[item.Index] = new SinkItemResult(status, item.Error);
            listed[(int)status]++;
        }

        // Items may list only the events that were not accepted; then the rest were accepted.
        var unlisted = results.Count(r => r is null);
        if (unlisted > 0)
        {
            if (response.Accepted - listed[(int)SinkStatus.Accepted] != unlisted)
            {
                throw new EventSinkException(
                    $"The ingest API answered about {batch.Count - unlisted} of {batch.Count} items, and its counts " +
                    $"(accepted {response.Accepted}, rejected {response.Rejected}, retry {response.Retry}) do not account for the rest.");
            }

            for (var i = 0; i < results.Length; i++)
            {
                results[i] ??= SinkItemResult.Accepted;
            }
        }

        return results;
    }

    private static async Task<string> Excerpt(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            text = text.ReplaceLineEndings(" ");
            return text.Length <= 300 ? text : text[..300] + "...";
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            return "(no body)";
        }
    }
}

/// <summary>The answer of <c>POST /api/events</c>.</summary>
internal sealed record IngestResponse
{
    public int Accepted { get; init; }
    public int Rejected { get; init; }
    public int Retry { get; init; }
    public List<IngestItem>? Items { get; init; }
}

internal sealed record IngestItem
{
    public int Index { get; init; }
    public string? Status { get; init; }
    public string? Type { get; init; }
    public string? Id { get; init; }
    public string? Error { get; init; }
}
