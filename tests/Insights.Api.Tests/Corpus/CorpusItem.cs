namespace Insights.Api.Tests.Corpus;

using System.Text.Json;

/// <summary>
/// One entry of the bad-input corpus (<c>Corpus/Data/*.json</c>, format in <c>Corpus/README.md</c>): a POST of a
/// body to <c>/api/events</c> (<see cref="Json"/> or <see cref="Text"/>), or a GET of <see cref="Get"/>, with what
/// the API must answer.
/// </summary>
internal sealed record CorpusItem
{
    public required string File { get; init; }

    public required string Category { get; init; }

    public required string Name { get; init; }

    /// <summary>Position in the whole corpus; makes the item's ids unique.</summary>
    public required int Number { get; init; }

    public JsonElement? Json { get; init; }

    public string? Text { get; init; }

    public string? Get { get; init; }

    public IReadOnlyDictionary<string, JsonElement> Fragments { get; init; } = new Dictionary<string, JsonElement>();

    /// <summary>Null means no Content-Type header at all.</summary>
    public string? ContentType { get; init; } = "application/json";

    public bool Chunked { get; init; }

    /// <summary>How many times the same body is sent (duplicates across batches).</summary>
    public int Send { get; init; } = 1;

    public IReadOnlyList<int> Expect { get; init; } = [200];

    public string? Problem { get; init; }

    /// <summary>The server itself refuses the request before the application sees it (Kestrel: no problem document).</summary>
    public bool BareStatus { get; init; }

    public string? Limit { get; init; }

    public string? Detail { get; init; }

    /// <summary>Per event, in order: <c>accepted</c>, or <c>rejected: </c> and a pattern of the reason (<c>*</c> matches anything).</summary>
    public IReadOnlyList<string>? Results { get; init; }

    /// <summary>The result every event of the batch must have, for generated batches.</summary>
    public string? ResultsAll { get; init; }

    /// <summary>Per video id template, figures its stats must show afterwards (views, comments, duplicateComments...).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Totals { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, long>>();

    public string Label => $"{Path.GetFileNameWithoutExtension(File)} / {Name}";
}
