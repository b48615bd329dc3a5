namespace Insights.Api.Tests.Corpus;

using System.Text.Json;
using System.Text.RegularExpressions;
using Insights.Ingest;
using Insights.Wire;
using Microsoft.AspNetCore.Mvc;

/// <summary>
/// Sends each corpus item and checks the answer on the spot (status, problem, per-event results), writing down in
/// the <see cref="CorpusLedger"/> what the lake and the videos must show once everything has settled.
/// </summary>
internal sealed class CorpusRunner(HttpClient client, IngestLimits limits, int maxJsonDepth, CorpusLedger ledger)
{
    private readonly string _runTag = Guid.NewGuid().ToString("N")[..6];
    private readonly WireEventParser _parser = new(limits, TimeProvider.System);

    public async Task RunAsync(CorpusItem item)
    {
        var template = new CorpusTemplate(item, Numbers(limits, maxJsonDepth), _runTag);
        try
        {
            if (item.Get is { } get)
            {
                ledger.GetItems++;
                await GetAsync(item, template.Inline(get));
                return;
            }

            ledger.Items++;
            var body = template.Body();
            var sent = Elements(body);
            for (var i = 0; i < item.Send; i++)
            {
                ledger.Requests++;
                using var response = await PostAsync(item, body);
                await CheckPostAsync(item, response, body, sent);
            }

            foreach (var (key, figures) in item.Totals)
            {
                ledger.Totals.Add((item.Label, template.Inline(key), figures));
            }

            foreach (var video in template.VideoIds.Where(v => !ledger.Videos.ContainsKey(v)))
            {
                ledger.Absent.Add((item.Label, video));
            }
        }
        catch (HttpRequestException ex)
        {
            ledger.Crashes++;
            ledger.Fail(item.Label, $"the request failed: {ex.Message}");
        }
    }

    /// <summary>What the placeholders' names stand for, from the configuration the API runs with.</summary>
    public static Dictionary<string, long> Numbers(IngestLimits limits, int maxJsonDepth) => new(StringComparer.Ordinal)
    {
        ["now"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["MinEventTime"] = limits.MinEventTime.ToUnixTimeSeconds(),
        ["MaxBodyBytes"] = limits.MaxBodyBytes,
        ["MaxBatchEvents"] = limits.MaxBatchEvents,
        ["MaxCommentTextLength"] = limits.MaxCommentTextLength,
        ["MaxDescriptionLength"] = limits.MaxDescriptionLength,
        ["MaxHashtags"] = limits.MaxHashtags,
        ["MaxCounter"] = limits.MaxCounter,
        ["MaxJsonDepth"] = maxJsonDepth,
    };

    private async Task<HttpResponseMessage> PostAsync(CorpusItem item, byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/events")
        {
            Content = item.Chunked ? new ChunkedContent(body) : new ByteArrayContent(body),
        };
        if (item.ContentType is { } type)
        {
            // Without validation: "json" or a quoted charset must reach the server exactly as written.
            request.Content.Headers.TryAddWithoutValidation("Content-Type", type);
        }

        return await client.SendAsync(request);
    }

    private async Task CheckPostAsync(CorpusItem item, HttpResponseMessage response, byte[] body, IReadOnlyList<JsonElement>? sent)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        if (!CheckStatus(item, status, text))
        {
            return;
        }

        if (status != 200)
        {
            CheckRefusedBody(item, status, response, text, body);
            return;
        }

        var answer = JsonSerializer.Deserialize<IngestResponse>(text, Json.Options)!;
        ledger.EventsSent += answer.Items.Count;
        if (sent is not null && sent.Count != answer.Items.Count)
        {
            ledger.Fail(item.Label, $"sent {sent.Count} events, the answer has {answer.Items.Count} items");
            return;
        }

        if ((answer.Accepted, answer.Rejected, answer.Retry) != (answer.Items.Count(i => i.Status == "accepted"), answer.Items.Count(i => i.Status == "rejected"), 0))
        {
            ledger.Fail(item.Label, $"counts {answer.Accepted}/{answer.Rejected}/{answer.Retry} do not add up (or asked to retry)");
        }

        for (var i = 0; i < answer.Items.Count; i++)
        {
            var result = answer.Items[i];
            var expected = item.ResultsAll ?? (i < item.Results?.Count ? item.Results[i] : null);
            if (expected is null || !Matches(result, expected))
            {
                ledger.Fail(item.Label, $"event {i}: expected '{expected ?? "(no expectation)"}', got {result.Status} '{result.Error}'");
            }

            if (result.Status == IngestItemResult.AcceptedStatus)
            {
                Accept(item, result, sent?[i]);
            }
            else if (result.QuarantineId is null || string.IsNullOrWhiteSpace(result.Error) || sent is null)
            {
                ledger.Fail(item.Label, $"event {i} was refused without a reason or a quarantine id (or the test cannot read it)");
            }
            else
            {
                ledger.RejectedEvents++;
                ledger.Quarantine[result.QuarantineId] = new(item.Label, result.Error, result.Type, result.Id, LakeText.AsQuarantined(sent[i]));
            }
        }

        if (item.Results is { } results && results.Count != answer.Items.Count)
        {
            ledger.Fail(item.Label, $"the item expects {results.Count} results, the answer has {answer.Items.Count}");
        }
    }

    private bool CheckStatus(CorpusItem item, int status, string text)
    {
        if (status >= 500)
        {
            ledger.Crashes++;
        }

        if (item.Expect.Contains(status))
        {
            return true;
        }

        ledger.Fail(item.Label, $"expected {string.Join(" or ", item.Expect)}, got {status}: {Cut(text)}");
        return false;
    }

    private void Accept(CorpusItem item, IngestItemResult result, JsonElement? element)
    {
        ledger.Accepted++;
        if (result.QuarantineId is not null || result.Error is not null)
        {
            ledger.Fail(item.Label, $"event {result.Index} is accepted but has an error or a quarantine id");
        }

        if (element is not { } e || _parser.Parse(e, DateTimeOffset.UtcNow).Event is not { } parsed)
        {
            ledger.Fail(item.Label, $"event {result.Index} was accepted but the test cannot read it back");
            return;
        }

        ledger.ExpectRaw(item.Label, LakeText.AsKept(e.GetRawText()));
        ledger.Count(parsed);
    }

    private void CheckRefusedBody(CorpusItem item, int status, HttpResponseMessage response, string text, byte[] body)
    {
        ledger.RefusedBodies++;
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            ledger.Fail(item.Label, $"{status} is not a problem document: {response.Content.Headers.ContentType}");
            return;
        }

        var problem = JsonSerializer.Deserialize<ProblemDetails>(text, Json.Options)!;
        string? Extension(string name) => problem.Extensions.TryGetValue(name, out var v) ? v?.ToString() : null;
        if (item.Problem is not null && problem.Title != item.Problem)
        {
            ledger.Fail(item.Label, $"problem '{problem.Title}', expected '{item.Problem}'");
        }

        if (item.Limit is not null && Extension("limit") != item.Limit)
        {
            ledger.Fail(item.Label, $"limit '{Extension("limit")}', expected '{item.Limit}'");
        }

        if (item.Detail is not null && problem.Detail?.Contains(item.Detail, StringComparison.Ordinal) != true)
        {
            ledger.Fail(item.Label, $"detail '{problem.Detail}' does not say '{item.Detail}'");
        }

        // Every body refused for what it holds is kept; only a refusal that is not about the body (none here) is not.
        if (status is >= 400 and < 500)
        {
            if (Extension("quarantineId") is { } id && !string.IsNullOrWhiteSpace(problem.Detail))
            {
                // A body over the limit that declared its length is refused unread: its record keeps no text.
                var unread = status == 413 && !item.Chunked && item.Limit == "Insights:Ingest:MaxBodyBytes";
                ledger.Quarantine[id] = new(item.Label, problem.Detail, null, null, unread ? "" : LakeText.Text(body));
            }
            else
            {
                ledger.Fail(item.Label, $"refused body has no quarantineId or no detail: {Cut(text)}");
            }
        }
    }

    private async Task GetAsync(CorpusItem item, string path)
    {
        using var response = await client.GetAsync(path);
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        if (CheckStatus(item, status, text) && status >= 400 && !item.BareStatus && !IsProblem(text, status))
        {
            ledger.Fail(item.Label, $"{status} is not a problem document ({response.Content.Headers.ContentType}): {Cut(text)}");
        }
    }

    /// <summary>
    /// A problem document by its shape (RFC 9457 members title and status): the read endpoints send theirs as
    /// application/json, ingest as application/problem+json.
    /// </summary>
    public static bool IsProblem(string text, int status)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String
                && root.TryGetProperty("status", out var value) && value.TryGetInt32(out var number) && number == status;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool Matches(IngestItemResult result, string expected)
    {
        if (expected == IngestItemResult.AcceptedStatus)
        {
            return result.Status == IngestItemResult.AcceptedStatus;
        }

        const string rejected = "rejected: ";
        if (!expected.StartsWith(rejected, StringComparison.Ordinal) || result.Status != IngestItemResult.RejectedStatus)
        {
            return false;
        }

        var pattern = string.Join(".*", expected[rejected.Length..].Split('*').Select(Regex.Escape));
        return Regex.IsMatch(result.Error ?? "", pattern, RegexOptions.Singleline);
    }

    /// <summary>The events of a body as the test reads them, or null when it is not a JSON array.</summary>
    private static List<JsonElement>? Elements(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 100_000 });
            return document.RootElement.ValueKind == JsonValueKind.Array
                ? document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Cut(string text) => text.Length <= 300 ? text : text[..300] + "...";

    /// <summary>A body of unknown length, as a chunked upload sends it.</summary>
    private sealed class ChunkedContent(byte[] body) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(body).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
