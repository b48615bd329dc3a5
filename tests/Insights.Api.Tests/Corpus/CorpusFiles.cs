namespace Insights.Api.Tests.Corpus;

using System.Text.Json;

/// <summary>
/// Reads the corpus files. Strict on purpose: an unknown key or a missing expectation is an error, so a typo in the
/// data cannot quietly turn a check off.
/// </summary>
internal static class CorpusFiles
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Corpus", "Data");

    private static readonly HashSet<string> Keys =
    [
        "name", "json", "text", "get", "fragments", "contentType", "chunked", "send", "expect", "problem", "limit", "detail",
        "results", "resultsAll", "totals", "bareStatus",
    ];

    public static IReadOnlyList<CorpusItem> Load()
    {
        var files = Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count > 0, $"no corpus files in {Folder}");
        var items = new List<CorpusItem>();
        foreach (var file in files)
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file),
                new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var root = document.RootElement;
            var category = root.GetProperty("category").GetString()!;
            foreach (var element in root.GetProperty("items").EnumerateArray())
            {
                items.Add(Read(element.Clone(), Path.GetFileName(file), category, items.Count));
            }
        }

        var duplicates = items.GroupBy(i => i.Label).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, "corpus items with the same name: " + string.Join(", ", duplicates));
        return items;
    }

    private static CorpusItem Read(JsonElement e, string file, string category, int number)
    {
        var name = e.TryGetProperty("name", out var n) ? n.GetString()! : throw Bad(file, $"item {number} has no name");
        foreach (var property in e.EnumerateObject())
        {
            if (!Keys.Contains(property.Name))
            {
                throw Bad(file, $"'{name}': unknown key '{property.Name}'");
            }
        }

        var item = new CorpusItem
        {
            File = file,
            Category = category,
            Name = name,
            Number = number,
            Json = e.TryGetProperty("json", out var json) ? json : null,
            Text = e.TryGetProperty("text", out var text) ? text.GetString() : null,
            Get = e.TryGetProperty("get", out var get) ? get.GetString() : null,
            Fragments = e.TryGetProperty("fragments", out var fragments)
                ? fragments.EnumerateObject().ToDictionary(p => p.Name, p => p.Value)
                : new Dictionary<string, JsonElement>(),
            ContentType = e.TryGetProperty("contentType", out var type) ? type.GetString() : "application/json",
            Chunked = e.TryGetProperty("chunked", out var chunked) && chunked.GetBoolean(),
            Send = e.TryGetProperty("send", out var send) ? send.GetInt32() : 1,
            Expect = e.TryGetProperty("expect", out var expect)
                ? expect.ValueKind == JsonValueKind.Array ? expect.EnumerateArray().Select(x => x.GetInt32()).ToList() : [expect.GetInt32()]
                : [200],
            Problem = e.TryGetProperty("problem", out var problem) ? problem.GetString() : null,
            BareStatus = e.TryGetProperty("bareStatus", out var bare) && bare.GetBoolean(),
            Limit = e.TryGetProperty("limit", out var limit) ? limit.GetString() : null,
            Detail = e.TryGetProperty("detail", out var detail) ? detail.GetString() : null,
            Results = e.TryGetProperty("results", out var results) ? results.EnumerateArray().Select(x => x.GetString()!).ToList() : null,
            ResultsAll = e.TryGetProperty("resultsAll", out var all) ? all.GetString() : null,
            Totals = e.TryGetProperty("totals", out var totals)
                ? totals.EnumerateObject().ToDictionary(
                    p => p.Name,
                    p => (IReadOnlyDictionary<string, long>)p.Value.EnumerateObject().ToDictionary(f => f.Name, f => f.Value.GetInt64()))
                : new Dictionary<string, IReadOnlyDictionary<string, long>>(),
        };

        var bodies = (item.Json is null ? 0 : 1) + (item.Text is null ? 0 : 1) + (item.Get is null ? 0 : 1);
        if (bodies != 1)
        {
            throw Bad(file, $"'{name}': exactly one of json, text or get");
        }

        if (item.Get is null && item.Expect.SequenceEqual([200]) && item.Results is null && item.ResultsAll is null)
        {
            throw Bad(file, $"'{name}': a 200 item says what each event becomes (results or resultsAll)");
        }

        if (item.Get is null && !item.Expect.SequenceEqual([200]) && item.Problem is null)
        {
            throw Bad(file, $"'{name}': a refused body names the problem title it expects");
        }

        return item;
    }

    private static InvalidDataException Bad(string file, string message) => new($"corpus file {file}: {message}");
}
