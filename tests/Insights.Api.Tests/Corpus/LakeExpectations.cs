namespace Insights.Api.Tests.Corpus;

using Insights.Lake.Records;
using Insights.Lake.Zones;

/// <summary>
/// Checks the raw and quarantine zones against the ledger, exactly: every accepted event once per acceptance (and
/// nothing else) in raw, every refused event and body under the quarantine id the API answered with its reason (and
/// nothing else) at stage <c>ingest</c>, and exactly the poison the grains met at stage <c>grain</c>.
/// </summary>
internal static class LakeExpectations
{
    public sealed record Figures(int Raw, int QuarantinedAtIngest, int QuarantinedAtGrain);

    public static async Task<Figures> CheckAsync(LakeReader reader, CorpusLedger ledger, string poisonVideo, TimeSpan timeout)
    {
        // The writers cut files by age, so wait until the lake has caught up (or stop waiting, and report).
        var deadline = DateTime.UtcNow + timeout;
        List<RawEventRecord> raw;
        List<QuarantineRecord> quarantine;
        do
        {
            await Task.Delay(500);
            raw = [];
            await foreach (var r in reader.ReadRawAsync())
            {
                raw.Add(r);
            }

            quarantine = await reader.ReadQuarantineAsync();
        }
        while ((raw.Count < ledger.RawTotal || quarantine.Count < ledger.Quarantine.Count + ledger.GrainPoison) && DateTime.UtcNow < deadline);

        CheckRaw(raw, ledger);
        var ingest = quarantine.Where(q => q.Stage == "ingest").ToList();
        var grain = quarantine.Where(q => q.Stage == "grain").ToList();
        CheckIngestQuarantine(ingest, ledger);
        if (grain.Count != ledger.GrainPoison || grain.Any(q => q.Id != poisonVideo || string.IsNullOrWhiteSpace(q.Reason)))
        {
            ledger.Fail("grain poison", $"expected {ledger.GrainPoison} quarantine records at stage grain for {poisonVideo}, found: "
                + string.Join("; ", grain.Select(q => $"{q.Id}: {q.Reason}")));
        }

        if (quarantine.Count != ingest.Count + grain.Count)
        {
            ledger.Fail("quarantine", "records at other stages: " + string.Join(", ", quarantine.Select(q => q.Stage).Distinct()));
        }

        return new Figures(raw.Count, ingest.Count, grain.Count);
    }

    private static void CheckRaw(List<RawEventRecord> raw, CorpusLedger ledger)
    {
        if (raw.Count != ledger.RawTotal)
        {
            ledger.Fail("raw zone", $"{raw.Count} records, expected exactly {ledger.RawTotal} (one per accepted event)");
        }

        var kept = raw.GroupBy(r => r.Event.Text, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var (text, (item, count)) in ledger.Raw)
        {
            var found = kept.GetValueOrDefault(text);
            if (found != count)
            {
                ledger.Fail(item, $"raw zone holds {found} records of an accepted event (expected {count}): {Cut(text)}");
            }
        }

        foreach (var text in kept.Keys.Where(t => !ledger.Raw.ContainsKey(t)))
        {
            ledger.Fail("raw zone", $"a record nobody accepted: {Cut(text)}");
        }

        if (raw.Any(r => r.Source != "api" || r.BatchId.Length == 0))
        {
            ledger.Fail("raw zone", "records without source api or a batch id");
        }
    }

    private static void CheckIngestQuarantine(List<QuarantineRecord> ingest, CorpusLedger ledger)
    {
        var byId = new Dictionary<string, QuarantineRecord>(StringComparer.Ordinal);
        foreach (var record in ingest)
        {
            if (!byId.TryAdd(record.QuarantineId, record))
            {
                ledger.Fail("quarantine", $"quarantine id {record.QuarantineId} is used twice");
            }
        }

        foreach (var (id, expected) in ledger.Quarantine)
        {
            if (!byId.Remove(id, out var record))
            {
                ledger.Fail(expected.Item, $"quarantine record {id} ({expected.Reason}) is missing");
                continue;
            }

            if (record.Reason != expected.Reason || record.Source != "api")
            {
                ledger.Fail(expected.Item, $"quarantine record {id}: reason '{record.Reason}' (source {record.Source}), the API said '{expected.Reason}'");
            }

            if (record.Type != expected.Type || record.Id != expected.Id)
            {
                ledger.Fail(expected.Item, $"quarantine record {id}: type/id {record.Type}/{record.Id}, the API answered {expected.Type}/{expected.Id}");
            }

            var kept = record.Payload?.Text ?? record.PayloadText;
            if (kept != expected.Payload)
            {
                ledger.Fail(expected.Item, $"quarantine record {id} keeps '{Cut(kept ?? "(nothing)")}', not what was sent: '{Cut(expected.Payload ?? "(nothing)")}'");
            }
        }

        foreach (var record in byId.Values)
        {
            ledger.Fail("quarantine", $"a record no answer named: {record.QuarantineId} {record.Reason}");
        }
    }

    private static string Cut(string text) => text.Length <= 160 ? text : text[..160] + "...";
}
