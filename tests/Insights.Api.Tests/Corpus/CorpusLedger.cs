namespace Insights.Api.Tests.Corpus;

using Insights.Events;

/// <summary>
/// Everything the corpus run promised itself: which quarantine records and raw records must exist, what every video
/// must show, which videos must not exist; plus the figures printed at the end and every failure found on the way.
/// </summary>
internal sealed class CorpusLedger
{
    /// <summary>
    /// A quarantine record to find: its reason, type and id as the API answered, and the payload as it must be kept
    /// (null for a JSON null, which reads back as no payload; empty when a body was refused before it was read).
    /// </summary>
    public sealed record QuarantineExpectation(string Item, string Reason, string? Type, string? Id, string? Payload);

    public Dictionary<string, QuarantineExpectation> Quarantine { get; } = new(StringComparer.Ordinal);

    /// <summary>Raw-zone event text (as the lake keeps it) and how many records must carry it.</summary>
    public Dictionary<string, (string Item, int Count)> Raw { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, ExpectedVideo> Videos { get; } = new(StringComparer.Ordinal);

    public List<(string Item, string VideoId, IReadOnlyDictionary<string, long> Figures)> Totals { get; } = [];

    /// <summary>Videos an item named in events that were all refused: they must not exist.</summary>
    public List<(string Item, string VideoId)> Absent { get; } = [];

    public List<string> Failures { get; } = [];

    public int Items { get; set; }

    public int GetItems { get; set; }

    public int Requests { get; set; }

    public long EventsSent { get; set; }

    public long Accepted { get; set; }

    public long RejectedEvents { get; set; }

    public long RefusedBodies { get; set; }

    /// <summary>Answers in the 5xx range or requests that threw: each is a crash.</summary>
    public int Crashes { get; set; }

    public int GrainPoison { get; set; }

    public long RawTotal => Raw.Values.Sum(r => (long)r.Count);

    public void Fail(string item, string problem) => Failures.Add($"{item}: {problem}");

    public void ExpectRaw(string item, string text)
    {
        Raw[text] = Raw.TryGetValue(text, out var seen) ? (seen.Item, seen.Count + 1) : (item, 1);
    }

    public void Count(VideoStreamEvent e)
    {
        if (!Videos.TryGetValue(e.VideoId, out var video))
        {
            Videos[e.VideoId] = video = new ExpectedVideo(e.VideoId);
        }

        video.Apply(e);
    }
}
