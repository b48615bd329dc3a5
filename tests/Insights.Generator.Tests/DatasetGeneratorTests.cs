namespace Insights.Generator.Tests;

using System.Text.Json;
using Insights.Sentiment;
using Insights.Wire;

public class DatasetGeneratorTests
{
    [Fact]
    public void Same_options_give_byte_identical_events_and_truth()
    {
        var a = DatasetGenerator.Generate(Datasets.Small());
        DatasetGenerator.Generate(Datasets.Small(seed: 99)); // in between: no state may leak from one run to the next
        var b = DatasetGenerator.Generate(Datasets.Small());

        Assert.Equal(a.ToJsonLines(), b.ToJsonLines());
        Assert.Equal(a.Truth.ToJson(), b.Truth.ToJson());
        Assert.Equal(a.Events.Select(e => (e.SendAt, e.Origin)), b.Events.Select(e => (e.SendAt, e.Origin)));
        Assert.Equal(a.Comments.Select(c => c.Label), b.Comments.Select(c => c.Label));
    }

    [Fact]
    public async Task Concurrent_generations_do_not_disturb_each_other()
    {
        var expected = DatasetGenerator.Generate(Datasets.Small()).ToJsonLines();
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() =>
            DatasetGenerator.Generate(Datasets.Small(seed: i % 2 == 0 ? 7 : 8)).ToJsonLines())));

        Assert.Equal(expected, runs[0]);
        Assert.Equal(expected, runs[2]);
        Assert.NotEqual(expected, runs[1]);
    }

    [Fact]
    public void Different_seeds_give_different_data()
    {
        var a = DatasetGenerator.Generate(Datasets.Small(seed: 1));
        var b = DatasetGenerator.Generate(Datasets.Small(seed: 2));

        Assert.NotEqual(a.ToJsonLines(), b.ToJsonLines());
        Assert.NotEqual(a.Videos.Select(v => v.Id), b.Videos.Select(v => v.Id));
        Assert.NotEqual(a.Comments.Select(c => c.Text), b.Comments.Select(c => c.Text));
    }

    [Fact]
    public void A_different_start_shifts_the_data()
    {
        var a = DatasetGenerator.Generate(Datasets.Small());
        var b = DatasetGenerator.Generate(Datasets.Small() with { Start = Datasets.Small().Start.AddDays(1) });

        Assert.Equal(a.Videos.Select(v => v.Id), b.Videos.Select(v => v.Id));
        Assert.Equal(a.Videos.Select(v => v.CreateTime.AddDays(1)), b.Videos.Select(v => v.CreateTime));
    }

    [Fact]
    public void Counts_match_the_options()
    {
        var d = Datasets.Default;
        var o = d.Options;

        Assert.Equal(o.Creators, d.Creators.Count);
        Assert.Equal(o.Creators, d.Creators.Select(c => c.Username).Distinct().Count());
        Assert.Equal(o.Videos, d.Videos.Count);
        Assert.Equal(o.Comments, d.Comments.Count);
        Assert.Equal(o.Videos, d.Events.Count(e => e.Event.Type == WireFields.TypeVideo));
        Assert.Equal(o.Comments, d.Events.Where(e => e.Event.Type == WireFields.TypeComment).Select(e => e.Event.Id).Distinct().Count());
        Assert.Equal(Enumerable.Range(0, d.Events.Count), d.Events.Select(e => e.Index));
    }

    [Theory]
    [InlineData(45, 30, 25)]
    [InlineData(70, 20, 10)]
    [InlineData(0, 100, 0)]
    public void The_label_mix_is_the_configured_one(double positive, double neutral, double negative)
    {
        var d = DatasetGenerator.Generate(new GeneratorOptions
        {
            Videos = 50,
            Comments = 10_000,
            PositiveShare = positive,
            NeutralShare = neutral,
            NegativeShare = negative,
        });
        var sum = positive + neutral + negative;
        double Share(SentimentLabel l) => d.Comments.Count(c => c.Label == l) / (double)d.Comments.Count;

        // Binomial with n = 10,000: the standard deviation is at most 0.5 points; allow 2.
        Assert.InRange(Share(SentimentLabel.Positive), positive / sum - 0.02, positive / sum + 0.02);
        Assert.InRange(Share(SentimentLabel.Neutral), neutral / sum - 0.02, neutral / sum + 0.02);
        Assert.InRange(Share(SentimentLabel.Negative), negative / sum - 0.02, negative / sum + 0.02);
        Assert.Equal(d.Comments.Count(c => c.Label == SentimentLabel.Positive), d.Truth.Totals.Positive);
    }

    [Fact]
    public void Comment_texts_are_written_for_their_label()
    {
        var d = Datasets.Default;
        var texts = d.Comments.ToLookup(c => c.Label, c => c.Text.ToLowerInvariant());

        Assert.Contains(texts[SentimentLabel.Positive], t => t.Contains("fire") || t.Contains("no cap"));
        Assert.Contains(texts[SentimentLabel.Negative], t => t.Contains("mid") || t.Contains("unfollow"));
        Assert.Contains(texts[SentimentLabel.Neutral], t => t.Contains("song") || t.Contains("who's here"));
        Assert.Contains(d.Comments, c => c.Text.Any(char.IsSurrogate)); // emoji
        Assert.Contains(d.Comments, c => c.ParentCommentId is not null);
        Assert.DoesNotContain(d.Comments, c => string.IsNullOrWhiteSpace(c.Text) || c.Text.Length > 2_000);
        Assert.True(d.Comments.Select(c => c.Text).Distinct().Count() > d.Comments.Count / 10, "texts should vary");
    }

    [Fact]
    public void Videos_have_descriptions_hashtags_and_tiers()
    {
        var d = Datasets.Default;

        Assert.All(d.Videos, v =>
        {
            Assert.NotEmpty(v.Hashtags);
            Assert.All(v.Hashtags, h => Assert.Contains("#" + h, v.Description));
            Assert.Matches("^7[0-9]{18}$", v.Id);
            Assert.Matches("^7[0-9]{18}$", v.MusicId);
            Assert.InRange(v.DurationSeconds, 1, 600);
        });
        Assert.Contains(d.Videos, v => v.Hashtags.Contains("fyp"));
        Assert.Contains(d.Videos, v => v.Hashtags.Contains("foryou"));
        Assert.Equal(6, d.Videos.Count(v => v.Tier == VideoTier.Viral)); // 3% of 200
        Assert.Equal(24, d.Videos.Count(v => v.Tier == VideoTier.Popular)); // 12% of 200
    }

    [Fact]
    public void Engagement_is_heavy_tailed_with_realistic_ratios()
    {
        var truth = Datasets.Default.Truth;
        var views = truth.Videos.Select(v => v.Views).Order().ToList();

        Assert.True(views[^1] >= 1_000_000, $"the top video has {views[^1]} views");
        Assert.True(views.Count(v => v >= 1_000_000) <= 10, "only a few videos go viral");
        Assert.InRange(views[views.Count / 2], 50, 5_000); // the median video: hundreds
        foreach (var v in truth.Videos.Where(v => v.Views >= 10_000))
        {
            Assert.InRange(v.Likes / (double)v.Views, 0.049, 0.12);
            Assert.InRange(v.Shares / (double)v.Views, 0.0049, 0.02);
        }

        // Bigger videos draw more comments.
        var top = truth.Videos.OrderByDescending(v => v.Views).Take(10).Average(v => v.Comments);
        var bottom = truth.Videos.OrderBy(v => v.Views).Take(100).Average(v => v.Comments);
        Assert.True(top > 10 * bottom, $"top videos average {top} comments, the tail {bottom}");
    }

    [Fact]
    public void Counters_of_a_video_never_decrease_in_true_time()
    {
        var d = Datasets.Default;
        foreach (var group in d.Events.Where(e => e.Event.Type == WireFields.TypeEngagement).GroupBy(e => e.Event.VideoId))
        {
            var byTime = group.Select(e => e.Event).OrderBy(e => e.Time).ToList();
            for (var i = 1; i < byTime.Count; i++)
            {
                Assert.True(byTime[i].ViewCount >= byTime[i - 1].ViewCount, $"views of {group.Key} drop at {byTime[i].Time}");
                Assert.True(byTime[i].LikeCount >= byTime[i - 1].LikeCount, $"likes of {group.Key} drop at {byTime[i].Time}");
                Assert.True(byTime[i].ShareCount >= byTime[i - 1].ShareCount, $"shares of {group.Key} drop at {byTime[i].Time}");
            }
        }

        var video = d.Videos[0];
        Assert.Equal((0L, 0L, 0L), video.CountersAt(video.CreateTime));
        Assert.Equal(video.FinalViews, video.CountersAt(d.End).Views);
    }

    [Fact]
    public void Engagement_is_observed_periodically()
    {
        var d = Datasets.Default;
        var interval = (long)d.Options.EngagementInterval.TotalSeconds;
        foreach (var group in d.Events.Where(e => e.Origin != EventOrigin.RepeatedObservation && e.Event.Type == WireFields.TypeEngagement).GroupBy(e => e.Event.VideoId))
        {
            var times = group.Select(e => e.Event.Time!.Value).Order().ToList();
            Assert.All(times.Zip(times.Skip(1)), p => Assert.Equal(interval, p.Second - p.First));
            var created = d.Videos.Single(v => v.Id == group.Key).CreateTime.ToUnixTimeSeconds();
            Assert.InRange(times[0], created, created + interval - 1);
        }
    }

    [Theory]
    [InlineData(0.02, 0.02, 0.02)]
    [InlineData(0.10, 0.05, 0.08)]
    [InlineData(0, 0, 0)]
    public void Duplicates_repeats_and_late_observations_come_at_the_configured_rates(double duplicates, double repeats, double outOfOrder)
    {
        var d = DatasetGenerator.Generate(new GeneratorOptions
        {
            Videos = 100,
            Comments = 10_000,
            DuplicateRate = duplicates,
            EngagementRepeatRate = repeats,
            EngagementOutOfOrderRate = outOfOrder,
        });

        // Measured from the stream alone, as a consumer would see it.
        var seenComments = new HashSet<string>();
        var duplicateSends = 0;
        var seenObservations = new HashSet<(string, long)>();
        var newest = new Dictionary<string, long>();
        int repeated = 0, late = 0;
        foreach (var e in d.Events.Select(e => e.Event))
        {
            if (e.Type == WireFields.TypeComment && !seenComments.Add(e.Id!))
            {
                duplicateSends++;
            }
            else if (e.Type == WireFields.TypeEngagement)
            {
                if (!seenObservations.Add((e.VideoId!, e.Time!.Value)))
                {
                    repeated++;
                    continue;
                }

                if (newest.TryGetValue(e.VideoId!, out var max) && e.Time < max)
                {
                    late++;
                }

                newest[e.VideoId!] = Math.Max(max, e.Time!.Value);
            }
        }

        var observations = seenObservations.Count;
        Assert.Equal(duplicates, duplicateSends / (double)seenComments.Count, 3);
        Assert.InRange(repeated / (double)observations, repeats - 0.001, repeats + 0.001);
        Assert.InRange(late / (double)observations, outOfOrder - 0.001, outOfOrder + 0.001);
        Assert.Equal(duplicateSends, d.Events.Count(e => e.Origin == EventOrigin.DuplicateComment));
        Assert.Equal(repeated, d.Events.Count(e => e.Origin == EventOrigin.RepeatedObservation));
        Assert.Equal(late, d.Events.Count(e => e.Origin == EventOrigin.DelayedObservation));
        Assert.Equal(duplicateSends, d.Truth.Totals.DuplicatesSent);

        // A duplicate is the same event, sent again later.
        var first = new Dictionary<string, GeneratedEvent>();
        foreach (var e in d.Events.Where(e => e.Event.Type == WireFields.TypeComment))
        {
            if (!first.TryAdd(e.Event.Id!, e))
            {
                Assert.Equal(first[e.Event.Id!].Event, e.Event);
                Assert.True(e.SendAt >= first[e.Event.Id!].SendAt);
            }
        }
    }

    [Fact]
    public void Events_lie_in_the_span_in_send_order_and_are_never_sent_before_they_happen()
    {
        var d = Datasets.Default;
        var start = d.Options.Start.ToUnixTimeSeconds();
        var end = (d.Options.Start + d.Options.Span).ToUnixTimeSeconds();
        Assert.Equal(start, d.Start.ToUnixTimeSeconds());
        Assert.Equal(end, d.End.ToUnixTimeSeconds());

        var videoCreated = new Dictionary<string, long>();
        var commentsSent = new HashSet<string>();
        DateTimeOffset previous = DateTimeOffset.MinValue;
        foreach (var g in d.Events)
        {
            var e = g.Event;
            var time = e.Time ?? e.CreateTime!.Value;
            Assert.InRange(time, start, end);
            Assert.InRange(g.SendAt.ToUnixTimeSeconds(), time, end);
            Assert.True(g.SendAt >= previous, "events are ordered by send time");
            previous = g.SendAt;
            switch (e.Type)
            {
                case WireFields.TypeVideo:
                    videoCreated[e.Id!] = time;
                    break;
                case WireFields.TypeComment:
                    Assert.True(videoCreated.TryGetValue(e.VideoId!, out var created) && created <= time, "a comment comes after its video");
                    Assert.True(e.ParentCommentId is null || commentsSent.Contains(e.ParentCommentId), "a reply comes after its parent");
                    commentsSent.Add(e.Id!);
                    break;
                default:
                    Assert.True(videoCreated.TryGetValue(e.VideoId!, out var c) && c <= time, "an observation comes after its video");
                    break;
            }
        }
    }

    [Fact]
    public void Every_event_passes_the_ingest_validator()
    {
        // Entirely in the past, so no event is "in the future" for the validator.
        var now = DateTimeOffset.UtcNow;
        var d = DatasetGenerator.Generate(new GeneratorOptions { Start = now - TimeSpan.FromHours(2) - TimeSpan.FromMinutes(1) });
        var parser = new WireEventParser(new IngestLimits(), TimeProvider.System);

        var lines = d.ToJsonLines().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(d.Events.Count, lines.Length);
        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            var result = parser.Parse(doc.RootElement, now);
            Assert.True(result.IsValid, $"{result.Error}: {line}");
        }

        // And the batch serialization the HTTP sink sends.
        using var batch = JsonDocument.Parse(WireJson.SerializeBatch(d.Events.Take(500).Select(e => e.Event).ToList()));
        Assert.All(batch.RootElement.EnumerateArray(), e => Assert.True(parser.Parse(e, now).IsValid));
    }

    [Fact]
    public void Ids_are_numeric_and_unique()
    {
        var d = Datasets.Default;
        var ids = d.Videos.Select(v => v.Id).Concat(d.Comments.Select(c => c.Id)).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^[0-9]{19}$", id));
    }

    [Fact]
    public void Wire_json_omits_null_fields_and_keeps_snake_case()
    {
        var d = Datasets.Default;
        var video = WireJson.Serialize(d.Events.First(e => e.Event.Type == WireFields.TypeVideo).Event);
        var engagement = WireJson.Serialize(d.Events.First(e => e.Event.Type == WireFields.TypeEngagement).Event);
        var topLevel = WireJson.Serialize(d.Events.First(e => e.Event.Type == WireFields.TypeComment && e.Event.ParentCommentId is null).Event);

        Assert.Contains("\"hashtag_names\":", video);
        Assert.DoesNotContain("\"text\"", video);
        Assert.Contains("\"view_count\":", engagement);
        Assert.DoesNotContain("\"id\"", engagement);
        Assert.DoesNotContain("parent_comment_id", topLevel);
        Assert.DoesNotContain("null", topLevel);
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(1, 1, 0)]
    [InlineData(1, 1, 1)]
    [InlineData(3, 2, 100)]
    public void Tiny_datasets_work(int creators, int videos, int comments)
    {
        var d = DatasetGenerator.Generate(new GeneratorOptions { Creators = creators, Videos = videos, Comments = comments, Span = TimeSpan.FromMinutes(1) });
        Assert.Equal(videos, d.Truth.Totals.Videos);
        Assert.Equal(comments, d.Truth.Totals.DistinctComments);
    }

    [Fact]
    public void Invalid_options_are_refused()
    {
        Assert.Throws<ArgumentException>(() => DatasetGenerator.Generate(new GeneratorOptions { Videos = 0, Comments = 5 }));
        Assert.Throws<ArgumentException>(() => DatasetGenerator.Generate(new GeneratorOptions { DuplicateRate = 1.5 }));
        Assert.Throws<ArgumentException>(() => DatasetGenerator.Generate(new GeneratorOptions { Start = new DateTimeOffset(2015, 1, 1, 0, 0, 0, TimeSpan.Zero) }));
        Assert.Throws<ArgumentException>(() => DatasetGenerator.Generate(new GeneratorOptions { PositiveShare = 0, NeutralShare = 0, NegativeShare = 0 }));
    }
}
