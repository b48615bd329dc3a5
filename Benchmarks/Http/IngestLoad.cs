namespace Insights.Benchmarks.Http;

using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

/// <summary>
/// Sends pre-serialized JSON batches to <c>POST /api/events</c> over a few keep-alive connections, each connection
/// one request at a time, until every batch is answered with every event accepted (a batch answered 429/503 or with
/// events to retry is sent again: the grains count a comment once). Records when each answer came and how long it took.
/// </summary>
internal sealed class IngestLoad(string baseUrl, string apiKey, int connections)
{
    /// <summary>One answered request: when it completed (Stopwatch ticks), how long it took, how many events it accepted.</summary>
    public readonly record struct Sample(long CompletedAt, double LatencyMs, int Accepted);

    public sealed record Result(IReadOnlyList<Sample> Samples, long Retries);

    private long _accepted;

    /// <summary>Events accepted so far, for whoever samples the rate while the load runs.</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    public async Task<Result> RunAsync(IReadOnlyList<byte[]> batches, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
        };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        var contentType = new MediaTypeHeaderValue("application/json");

        var next = -1;
        long retries = 0;
        var samples = new List<Sample>[connections];
        await Task.WhenAll(Enumerable.Range(0, connections).Select(c => Task.Run(async () =>
        {
            var mine = samples[c] = new List<Sample>(batches.Count / connections + 1);
            for (var i = Interlocked.Increment(ref next); i < batches.Count; i = Interlocked.Increment(ref next))
            {
                for (var attempt = 1; ; attempt++)
                {
                    var started = Stopwatch.GetTimestamp();
                    using var content = new ByteArrayContent(batches[i]);
                    content.Headers.ContentType = contentType;
                    using var response = await client.PostAsync("/api/events", content, cancellationToken);
                    var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                    var completed = Stopwatch.GetTimestamp();
                    var accepted = response.IsSuccessStatusCode ? Totals(body) : default;
                    mine.Add(new Sample(completed, Stopwatch.GetElapsedTime(started, completed).TotalMilliseconds, accepted.Accepted));
                    Interlocked.Add(ref _accepted, accepted.Accepted);
                    if (response.IsSuccessStatusCode && accepted.Retry == 0)
                    {
                        break;
                    }

                    if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable) && !response.IsSuccessStatusCode)
                    {
                        throw new InvalidOperationException($"batch {i} answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)[..Math.Min(body.Length, 300)]}");
                    }

                    Interlocked.Increment(ref retries);
                    await Task.Delay(Math.Min(1000, 20 * attempt), cancellationToken);
                }
            }
        }, cancellationToken)));

        return new Result(samples.SelectMany(s => s).OrderBy(s => s.CompletedAt).ToList(), retries);
    }

    /// <summary>The answer's counts, which come before its items: read without parsing the 500 items.</summary>
    private static (int Accepted, int Retry) Totals(byte[] body)
    {
        var reader = new Utf8JsonReader(body);
        int accepted = 0, retry = 0, found = 0;
        while (found < 2 && reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
            {
                var name = reader.GetString();
                reader.Read();
                if (name == "accepted")
                {
                    accepted = reader.GetInt32();
                    found++;
                }
                else if (name == "retry")
                {
                    retry = reader.GetInt32();
                    found++;
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        return (accepted, retry);
    }
}
