namespace Insights.Generator.Tests;

using System.Text.Json;
using Insights.Sentiment;
using Insights.Wire;

public class GroundTruthTests
{
    /// <summary>The truth recomputed the obvious way from the JSON Lines a consumer would read.</summary>
    private static Dictionary<string, (HashSet<string> Comments, int[] Labels, long Views, long Likes, long Shares)> Recompute(
        IEnumerable<string> lines, IReadOnlyDictionary<string, SentimentLabel> labels)
    {
        var videos = new Dictionary<string, (HashSet<string> Comments, int[] Labels, long Views, long Likes, long Shares)>();
        (HashSet<string> Comments, int[] Labels, long Views, long Likes, long Shares) Get(string id) =>
            videos.TryGetValue(id, out var v) ? v : videos[id] = ([], new int[3], 0, 0, 0);

        foreach (var line in lines)
        {
            var e = JsonDocument.Parse(line).RootElement;
            switch (e.GetProperty("type").GetString())
            {
                case "video":
                    Get(e.GetProperty("id").GetString()!);
                    break;
                case "comment":
                    var v = Get(e.GetProperty("video_id").GetString()!);
                    var id = e.GetProperty("id").GetString()!;
                    if (v.Comments.Add(id))
                    {
                        v.Labels[(int)labels[id] + 1]++;
                    }

                    break;
                case "engagement":
                    var key = e.GetProperty("video_id").GetString()!;
                    var w = Get(key);
                    videos[key] = w with
                    {
                        Views = Math.Max(w.Views, e.GetProperty("view_count").GetInt64()),
                        Likes = Math.Max(w.Likes, e.GetProperty("like_count").GetInt64()),
                        Shares = Math.Max(w.Shares, e.GetProperty("share_count").GetInt64()),
                    };
                    break;
            }
        }

        return videos;
    }

    private static void AssertMatches(GroundTruth truth, IEnumerable<string> lines, IReadOnlyDictionary<string, SentimentLabel> labels)
    {
        var expected = Recompute(lines, labels);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), truth.Videos.Select(v => v.VideoId));
        foreach (var v in truth.Videos)
        {
            var x = expected[v.VideoId];
            Assert.Equal(x.Comments.Count, v.Comments);
            Assert.Equal(x.Labels[2], v.Positive);
            Assert.Equal(x.Labels[1], v.Neutral);
            Assert.Equal(x.Labels[0], v.Negative);
            Assert.Equal(x.Views, v.Views);
            Assert.Equal(x.Likes, v.Likes);
            Assert.Equal(x.Shares, v.Shares);
            Assert.Equal(v.Comments, v.Positive + v.Neutral + v.Negative);
        }

        Assert.Equal(expected.Values.Sum(v => v.Comments.Count), truth.Totals.DistinctComments);
        Assert.Equal(lines.Count(), truth.Totals.Events);
    }

    [Fact]
    public void The_truth_is_what_the_emitted_events_say()
    {
        var d = Datasets.Default;
        var lines = d.ToJsonLines().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        AssertMatches(d.Truth, lines, d.CommentLabels);

        Assert.Equal(d.Options.Videos, d.Truth.Totals.Videos);
        Assert.Equal(d.Options.Comments, d.Truth.Totals.DistinctComments);
        Assert.Equal(d.Events.Count, d.Truth.Totals.Events);
        Assert.Equal(d.Events.Count(e => e.Event.Type == WireFields.TypeComment) - d.Options.Comments, d.Truth.Totals.DuplicatesSent);
        Assert.Equal(d.Options.Seed, d.Truth.Seed);
        Assert.All(d.Truth.Videos, v => Assert.Equal(d.VideoOwners[v.VideoId], v.Username));

        // The maximum of the observations is the last one: what the video had at its last observation.
        var video = d.Videos.OrderByDescending(v => v.FinalViews).First();
        var last = d.Events.Where(e => e.Event.Type == WireFields.TypeEngagement && e.Event.VideoId == video.Id).Max(e => e.Event.Time!.Value);
        Assert.Equal(video.CountersAt(DateTimeOffset.FromUnixTimeSeconds(last)).Views, d.Truth.Video(video.Id)!.Views);
    }

    [Fact]
    public void The_truth_of_a_subset_counts_only_that_subset()
    {
        var d = DatasetGenerator.Generate(Datasets.Small() with { DuplicateRate = 0.2, EngagementRepeatRate = 0.2 });
        var dropped = d.Videos[3].Id;
        var duplicatedIds = d.Events.Where(e => e.Origin == EventOrigin.DuplicateComment).Select(e => e.Event.Id).ToHashSet();

        // Drop everything of one video, every other event, and the original (not the copy) of duplicated comments.
        var subset = d.Events
            .Where(e => e.Event.VideoId != dropped && e.Event.Id != dropped)
            .Where(e => e.Index % 2 == 0 || e.Event.Type == WireFields.TypeVideo)
            .Where(e => !(e.Origin == EventOrigin.Original && duplicatedIds.Contains(e.Event.Id)))
            .ToList();
        var truth = d.TruthOf(subset);

        AssertMatches(truth, subset.Select(e => WireJson.Serialize(e.Event)), d.CommentLabels);
        Assert.Null(truth.Video(dropped));
        Assert.True(truth.Totals.DistinctComments < d.Truth.Totals.DistinctComments);
        Assert.Equal(subset.Count, truth.Totals.Events);
    }

    [Fact]
    public void A_video_known_only_by_its_comments_still_gets_its_creator()
    {
        var d = DatasetGenerator.Generate(Datasets.Small());
        var comment = d.Events.First(e => e.Event.Type == WireFields.TypeComment);
        var truth = d.TruthOf([comment]);

        var video = Assert.Single(truth.Videos);
        Assert.Equal(d.VideoOwners[comment.Event.VideoId!], video.Username);
        Assert.Equal(1, video.Comments);
        Assert.Equal(0, video.Views);
    }

    [Fact]
    public void The_truth_round_trips_as_snake_case_json()
    {
        var truth = DatasetGenerator.Generate(Datasets.Small()).Truth;
        var json = truth.ToJson();

        Assert.Contains("\"video_id\":", json);
        Assert.Contains("\"distinct_comments\":", json);
        Assert.Contains("\"duplicates_sent\":", json);
        Assert.Contains("\"engagement_observations\":", json);
        using var doc = JsonDocument.Parse(json);
        var first = doc.RootElement.GetProperty("videos")[0];
        foreach (var name in new[] { "video_id", "username", "comments", "positive", "neutral", "negative", "views", "likes", "shares" })
        {
            Assert.True(first.TryGetProperty(name, out _), name);
        }

        Assert.Equal(truth, GroundTruth.FromJson(json));
    }

    [Fact]
    public async Task The_truth_is_written_to_a_file()
    {
        var dir = Path.Combine(Path.GetTempPath(), "insights-generator-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var path = Path.Combine(dir, "data", "truth.json");
            var truth = DatasetGenerator.Generate(Datasets.Small()).Truth;
            await truth.WriteAsync(path);
            Assert.Equal(truth, await GroundTruth.ReadAsync(path));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task The_json_lines_sink_writes_the_stream()
    {
        var dir = Path.Combine(Path.GetTempPath(), "insights-generator-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var d = DatasetGenerator.Generate(Datasets.Small());
            var path = Path.Combine(dir, "events.jsonl");
            await d.WriteJsonLinesAsync(path);
            Assert.Equal(d.ToJsonLines(), await File.ReadAllTextAsync(path));

            // As a sink, in pieces, accepting everything.
            var other = Path.Combine(dir, "sink.jsonl");
            await using (var sink = new JsonLinesFileSink(other))
            {
                foreach (var chunk in d.Events.Select(e => e.Event).Chunk(100))
                {
                    var results = await sink.SendAsync(chunk);
                    Assert.All(results, r => Assert.Equal(SinkStatus.Accepted, r.Status));
                }
            }

            Assert.Equal(await File.ReadAllBytesAsync(path), await File.ReadAllBytesAsync(other));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
