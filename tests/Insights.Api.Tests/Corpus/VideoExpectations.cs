namespace Insights.Api.Tests.Corpus;

using System.Net;
using Insights.Stats;

/// <summary>
/// Asks the API for every video the corpus touched until each answer equals what was accepted for it (or time runs
/// out, and the differences are failures), and checks that videos whose every event was refused do not exist.
/// </summary>
internal static class VideoExpectations
{
    public static async Task CheckAsync(HttpClient client, CorpusLedger ledger, int recentCapacity, TimeSpan timeout)
    {
        var pending = ledger.Videos.Values.ToDictionary(v => v.VideoId, _ => new List<string>(), StringComparer.Ordinal);
        var totals = ledger.Totals.ToLookup(t => t.VideoId, StringComparer.Ordinal);
        var deadline = DateTime.UtcNow + timeout;
        while (pending.Count > 0 && DateTime.UtcNow < deadline)
        {
            foreach (var id in pending.Keys.ToList())
            {
                var stats = await StatsAsync(client, id, ledger);
                var problems = stats is null ? ["no stats yet"] : ledger.Videos[id].Differences(stats, recentCapacity);
                foreach (var (item, _, figures) in totals[id])
                {
                    problems.AddRange(stats is null ? [] : ExpectedVideo.Differences(figures, stats).Select(p => $"totals of {item}: {p}"));
                }

                if (problems.Count == 0)
                {
                    pending.Remove(id);
                }
                else
                {
                    pending[id] = problems;
                }
            }

            if (pending.Count > 0)
            {
                await Task.Delay(500);
            }
        }

        foreach (var (id, problems) in pending)
        {
            ledger.Fail($"video {id}", string.Join("; ", problems));
        }

        foreach (var (item, id, _) in ledger.Totals.Where(t => !ledger.Videos.ContainsKey(t.VideoId)))
        {
            ledger.Fail(item, $"totals name video {id}, which no accepted event reached");
        }

        foreach (var (item, id) in ledger.Absent)
        {
            using var response = await client.GetAsync($"/api/videos/{id}");
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.NotFound || !CorpusRunner.IsProblem(text, 404))
            {
                ledger.Fail(item, $"video {id} had only refused events but answers {(int)response.StatusCode}: {text}");
            }
        }
    }

    private static async Task<VideoStats?> StatsAsync(HttpClient client, string id, CorpusLedger ledger)
    {
        using var response = await client.GetAsync($"/api/videos/{id}");
        if ((int)response.StatusCode >= 500)
        {
            ledger.Crashes++;
        }

        return response.StatusCode == HttpStatusCode.OK ? await response.Read<VideoStats>() : null;
    }
}
