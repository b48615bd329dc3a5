namespace Insights.Grains.Tests.Domain;

using Insights.Grains.Domain;
using Insights.Sentiment;
using Insights.Stats;
using static TestEvents;

/// <summary>The packed layouts of a video's state keep every figure, and state written in the layouts before reads back the same.</summary>
public class PackedStateTests
{
    private static readonly WindowSpec FiveMinutes = new("5m", TimeSpan.FromSeconds(10), 30);

    [Fact]
    public void Window_buckets_written_as_a_list_read_back_with_the_same_figures_and_keep_counting()
    {
        var width = FiveMinutes.BucketWidth.Ticks;
        var old = new LegacyListRollingWindow
        {
            BucketWidthTicks = width,
            BucketCount = 30,
            Buckets =
            [
                new WindowBucket
                {
                    Index = T0.UtcTicks / width, Comments = 2, Views = 5_000_000_000, Likes = 40, Shares = 3,
                    Sentiment = new SentimentTally { Positive = 1, Negative = 1, ScoreSum = 0.1, PositiveProbabilitySum = 0.9, NegativeProbabilitySum = 0.75 },
                },
                new WindowBucket
                {
                    Index = T0.AddSeconds(20).UtcTicks / width, Comments = 1, Views = 10,
                    Sentiment = new SentimentTally { Neutral = 1, PositiveProbabilitySum = 0.2, NegativeProbabilitySum = 0.2 },
                },
            ],
        };

        var window = TestSerialization.Reread<LegacyListRollingWindow, RollingWindow>(old);
        var now = T0.AddSeconds(25);
        var stats = window.Summarize(now);

        Assert.Equal(2, window.ActiveBuckets);
        Assert.Equal(3, stats.Comments);
        // A bucket's growth saturates at 32 bits: more than a video's counter ever grows in one bucket.
        Assert.Equal((uint.MaxValue + 10L, 40L, 3L), (stats.Views, stats.Likes, stats.Shares));
        Assert.Equal((1L, 1L, 1L), (stats.Sentiment.Positive, stats.Sentiment.Neutral, stats.Sentiment.Negative));
        Assert.Equal(Math.Round((0.9 - 0.75 + 0.2 - 0.2) / 3 * 100, 2), stats.Sentiment.Score);
        Assert.Equal(Math.Round(0.1 / 3, 4), stats.Sentiment.MeanScore);

        Assert.True(window.AddComment(T0.AddSeconds(21), now, Positive()));
        Assert.Equal(4, TestSerialization.Copy(window).Summarize(now).Comments);
    }

    [Fact]
    public void Window_buckets_survive_serialization_and_old_ones_leave_as_new_ones_come()
    {
        var window = new RollingWindow(FiveMinutes);
        for (var i = 0; i < 100; i++)
        {
            var at = T0.AddSeconds(i * 5);
            window.AddComment(at, at, i % 2 == 0 ? Positive() : Negative());
            window.AddEngagement(at, at, 100, 10, 1);
            if (i % 10 == 0)
            {
                window = TestSerialization.Copy(window);
            }
        }

        var now = T0.AddSeconds(99 * 5);
        var stats = window.Summarize(now);
        Assert.Equal(30, window.ActiveBuckets);
        // 30 buckets of 10 s hold the last 60 events (2 per bucket).
        Assert.Equal((60L, 6000L, 600L, 60L), (stats.Comments, stats.Views, stats.Likes, stats.Shares));
        Assert.Equal((30L, 30L), (stats.Sentiment.Positive, stats.Sentiment.Negative));
        Assert.Equal(stats.Comments, window.Series(now).Sum(b => b.Comments));
    }

    [Fact]
    public void A_term_sketch_written_with_64_bit_counts_and_string_names_reads_back()
    {
        var old = new LegacySketchTermCounter
        {
            Hashes = [CommentKey.Fnv1a("fyp"), CommentKey.Fnv1a("dance"), CommentKey.Fnv1a("rare"), 0],
            Counts = [5, 2, 1, 0],
            Used = 3,
            NamedHashes = [CommentKey.Fnv1a("fyp"), CommentKey.Fnv1a("dance"), CommentKey.Fnv1a("rare")],
            Names = ["fyp", "dance", "rare"],
        };

        var counter = TestSerialization.Reread<LegacySketchTermCounter, TermCounter>(old);
        counter.Configure(capacity: 64, named: 10);
        counter.Add("dance");
        counter.Add("dance");

        Assert.Equal([new("dance", 4), new("fyp", 5), new("rare", 1)], counter.Top(10).OrderBy(t => t.Term, StringComparer.Ordinal));
    }

    [Fact]
    public void Named_terms_are_replaced_as_counts_overtake_them_and_survive_serialization()
    {
        var counter = new TermCounter(capacity: 8, named: 2);
        foreach (var term in new[] { "über", "b", "b", "c", "c", "c", "über", "über", "über", "日本語" })
        {
            counter.Add(term);
            counter = TestSerialization.Copy(counter);
            counter.Configure(capacity: 8, named: 2);
        }

        Assert.Equal([new("über", 4), new("c", 3)], counter.Top(5));
    }

    [Fact]
    public void Recent_comments_give_back_exactly_what_they_were_given_whatever_the_order_and_sizes()
    {
        var random = new Random(17);
        var list = new RecentCommentList(20);
        var model = new List<RecentComment>();
        string[] ids = ["7212345678901234567", "0", "007", "18446744073709551615", "99999999999999999999", "-5", "c-12", "x"];
        for (var i = 0; i < 2_000; i++)
        {
            // Mostly newer than the last, sometimes older, sometimes the same second.
            var at = T0.AddSeconds(i - (random.Next(10) == 0 ? random.Next(200) : 0));
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 120)).Select(_ => "ab é🔥\n"[random.Next(6)]));
            var comment = new RecentComment
            {
                CommentId = random.Next(3) == 0 ? ids[random.Next(ids.Length)] + i : random.NextInt64(1, long.MaxValue).ToString(),
                Username = "user" + random.Next(1000),
                Text = text.Replace("\uD83D", "").Replace("\uDD25", "") + (random.Next(4) == 0 ? "🔥" : ""),
                CreateTime = at,
                Label = (SentimentLabel)random.Next(-1, 2),
                Score = Math.Round(random.NextDouble() * 2 - 1, 4),
                Analyzer = random.Next(5) == 0 ? "remote" : "local",
                Language = random.Next(3) == 0 ? "es" : "en",
            };
            list.Offer(comment);
            var position = model.FindIndex(c => c.CreateTime < comment.CreateTime);
            model.Insert(position < 0 ? model.Count : position, comment);
            if (model.Count > 20)
            {
                model.RemoveAt(20);
            }

            if (i % 97 == 0)
            {
                list = TestSerialization.Copy(list);
                list.Configure(20);
            }

            Assert.Equal(model, list.Items);
        }

        list.Configure(5);
        Assert.Equal(model.Take(5), list.Items);
    }

    [Fact]
    public async Task Comment_ids_in_heap_take_no_more_room_than_the_capacity_asks()
    {
        var archive = new InMemoryCommentIdArchive();
        var set = new CommentIdSet(128);
        for (var i = 0; i < 1_000; i++)
        {
            Assert.True(set.Add("c" + i, T0.AddSeconds(i)));
            if (set.MergeDue)
            {
                await set.MergePendingAsync(archive);
            }
        }

        await set.MergePendingAsync(archive);
        // At most one more than the capacity before the oldest half leaves; doubling the arrays would take 256.
        Assert.InRange(set.InHeap, 64, 129);
        Assert.Equal(129, set.HeapKeySlots);
        Assert.Equal(129, TestSerialization.Copy(set).HeapKeySlots);
    }

    [Fact]
    public void A_video_without_hashtags_keeps_no_hashtag_sketch()
    {
        var state = new VideoState();
        var video = new VideoAggregate("v1", state, new VideoOptions());
        video.ApplyComment(Comment("c1", T0, "lovely dance music"), Positive(), T0);

        Assert.Null(state.Hashtags);
        Assert.Empty(video.ToStats(T0).TopHashtags);

        video.ApplyComment(Comment("c2", T0, "so good #fyp"), Positive(), T0);
        Assert.Equal([new TermCount("fyp", 1)], video.ToStats(T0).TopHashtags);
        Assert.Equal([new TermCount("fyp", 1)], new VideoAggregate("v1", TestSerialization.Copy(state), new VideoOptions()).ToStats(T0).TopHashtags);
    }
}
