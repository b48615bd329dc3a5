namespace Insights.Generator;

using System.Globalization;
using Bogus;
using Insights.Sentiment;
using Insights.Wire;

/// <summary>
/// Generates a realistic, deterministic TikTok dataset. Every random choice comes from Bogus randomizers seeded
/// from <see cref="GeneratorOptions.Seed"/> (one per concern, so more comments do not change the videos);
/// no global state and no clock is read.
/// </summary>
public static class DatasetGenerator
{
    public static GeneratedDataset Generate(GeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new Run(options).Generate();
    }

    /// <summary>A 32-bit seed for one concern, derived from the user's seed (SplitMix64 finalizer).</summary>
    internal static int DeriveSeed(int seed, int salt)
    {
        var z = unchecked(((ulong)(uint)seed << 32 | (uint)salt) + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return unchecked((int)(z ^ (z >> 31)));
    }

    private sealed class Run(GeneratorOptions o)
    {
        private readonly long _start = CeilSeconds(o.Start);
        private readonly long _end = FloorSeconds(o.Start + o.Span);
        private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
        private readonly List<Pending> _events = [];

        public GeneratedDataset Generate()
        {
            var creators = MakeCreators(NewFaker(1));
            var videos = MakeVideos(NewFaker(2), creators);
            var comments = MakeComments(NewFaker(3), NewFaker(4), videos);
            AddEngagement(NewFaker(5).Random, videos);

            // Send order: by send time; at equal times originals first (a video before its comments, an observation
            // before the late copy of the previous one), then generation order.
            var ordered = _events
                .OrderBy(p => p.SendAt)
                .ThenBy(p => p.Origin == EventOrigin.Original ? 0 : 1)
                .ThenBy(p => p.Seq)
                .Select((p, i) => new GeneratedEvent(i, DateTimeOffset.FromUnixTimeSeconds(p.SendAt), p.Origin, p.Event))
                .ToList();

            return new GeneratedDataset(
                o,
                DateTimeOffset.FromUnixTimeSeconds(_start),
                DateTimeOffset.FromUnixTimeSeconds(_end),
                creators,
                videos,
                comments,
                ordered);
        }

        private Faker NewFaker(int salt) => new("en") { Random = new Randomizer(DeriveSeed(o.Seed, salt)) };

        private void Add(long sendAt, EventOrigin origin, WireEvent e) =>
            _events.Add(new Pending(sendAt, origin, _events.Count, e));

        private List<GeneratedCreator> MakeCreators(Faker f)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            var list = new List<GeneratedCreator>(o.Creators);
            for (var i = 0; i < o.Creators; i++)
            {
                list.Add(new GeneratedCreator(UniqueUsername(f, names, creator: true), f.PickRandom(Content.Regions)));
            }

            return list;
        }

        private static string UniqueUsername(Faker f, HashSet<string> taken, bool creator)
        {
            var baseName = Username(f.Internet.UserName(f.Name.FirstName(), f.Name.LastName()));
            if (creator && f.Random.Bool(0.25f))
            {
                baseName += f.PickRandom("tv", "_official", "xo", ".cooks", "_", "official", "vibes");
            }

            var name = baseName.Length > 20 ? baseName[..20] : baseName;
            while (!taken.Add(name))
            {
                name = (baseName.Length > 16 ? baseName[..16] : baseName) + f.Random.Int(0, 9999).ToString(CultureInfo.InvariantCulture);
            }

            return name;
        }

        /// <summary>TikTok usernames: lower case letters, digits, '_' and '.'.</summary>
        private static string Username(string s)
        {
            var chars = s.ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.').ToArray();
            return chars.Length == 0 ? "user" : new string(chars).Trim('.');
        }

        private string NewId(Randomizer r)
        {
            // TikTok ids are 19-digit numbers; these start with 7 like current ones do.
            while (true)
            {
                var id = r.Replace("7##################");
                if (_ids.Add(id))
                {
                    return id;
                }
            }
        }

        private List<GeneratedVideo> MakeVideos(Faker f, List<GeneratedCreator> creators)
        {
            var r = f.Random;
            var videos = new List<GeneratedVideo>(o.Videos);
            if (o.Videos == 0)
            {
                return videos;
            }

            // Some creators post a lot, most a little (Zipf-like weights).
            var creatorWeights = Cumulative(creators.Select((_, i) => 1.0 / Math.Pow(i + 1, 0.8)));

            // Trending sounds are reused.
            var sounds = Enumerable.Range(0, Math.Max(1, o.Videos / 3)).Select(_ => NewId(r)).ToArray();
            var soundWeights = Cumulative(sounds.Select((_, i) => 1.0 / (i + 1)));

            // Exact numbers of viral and popular videos, in random places.
            var viral = o.ViralRate > 0 && o.Videos >= 10 ? Math.Max(1, (int)Math.Round(o.ViralRate * o.Videos)) : (int)Math.Round(o.ViralRate * o.Videos);
            var popular = (int)Math.Round(o.PopularRate * o.Videos);
            var tiers = new VideoTier[o.Videos];
            for (var i = 0; i < tiers.Length; i++)
            {
                tiers[i] = i < viral ? VideoTier.Viral : i < viral + popular ? VideoTier.Popular : VideoTier.LongTail;
            }

            Shuffle(r, tiers);

            var publishWindow = (long)Math.Floor((_end - _start) * o.PublishFraction);
            var year = DateTimeOffset.FromUnixTimeSeconds(_start).Year;
            for (var i = 0; i < o.Videos; i++)
            {
                var creator = creators[Pick(r, creatorWeights)];
                var topic = f.PickRandom(Content.Topics);
                var created = _start + r.Long(0, publishWindow);
                var hashtags = Hashtags(f, topic);
                var description = Content.Fill(f.PickRandom(topic.Descriptions), f, new TextContext(creator.Username, topic.Name, year, ["friend"]));
                description += " " + string.Join(' ', hashtags.Select(h => "#" + h));

                var tier = tiers[i];
                var cap = tier switch
                {
                    VideoTier.Viral => LogUniform(r, 1_000_000, 12_000_000),
                    VideoTier.Popular => LogUniform(r, 20_000, 800_000),
                    // Pareto(x_m = 80, alpha = 1.4): hundreds typically, a few thousands.
                    _ => Math.Min(20_000, (long)(80 * Math.Pow(1 - r.Double(), -1 / 1.4))),
                };

                var life = Math.Max(60, _end - created);
                var mid = life * r.Double(0.2, 0.6);
                var curve = new GrowthCurve(
                    cap,
                    life,
                    mid,
                    Math.Max(1, mid * r.Double(0.15, 0.35)),
                    LikeRatio: r.Double(0.05, 0.12),
                    ShareRatio: r.Double(0.005, 0.02));

                var video = new GeneratedVideo
                {
                    Id = NewId(r),
                    Username = creator.Username,
                    CreateTime = DateTimeOffset.FromUnixTimeSeconds(created),
                    RegionCode = creator.RegionCode,
                    Description = description,
                    Hashtags = hashtags,
                    MusicId = sounds[Pick(r, soundWeights)],
                    DurationSeconds = r.Bool(0.85f) ? r.Int(7, 60) : r.Int(61, 600),
                    Topic = topic.Name,
                    Tier = tier,
                    FinalViews = cap,
                    Curve = curve,
                };
                videos.Add(video);
                Add(created, EventOrigin.Original, new WireEvent
                {
                    Type = WireFields.TypeVideo,
                    Id = video.Id,
                    Username = video.Username,
                    CreateTime = created,
                    RegionCode = video.RegionCode,
                    VideoDescription = video.Description,
                    HashtagNames = video.Hashtags,
                    MusicId = video.MusicId,
                    Duration = video.DurationSeconds,
                });
            }

            return videos;
        }

        private static List<string> Hashtags(Faker f, Topic topic)
        {
            var tags = new List<string>();
            if (f.Random.Bool(0.7f))
            {
                tags.Add(f.Random.Bool(0.6f) ? "fyp" : "foryou");
            }

            tags.AddRange(f.Random.ArrayElements(topic.Hashtags, f.Random.Int(1, 3)));
            if (f.Random.Bool(0.4f))
            {
                tags.Add(f.PickRandom(Content.GenericHashtags));
            }

            return tags.Distinct(StringComparer.Ordinal).ToList();
        }

        private List<GeneratedComment> MakeComments(Faker f, Faker text, List<GeneratedVideo> videos)
        {
            var r = f.Random;
            if (o.Comments == 0)
            {
                return [];
            }

            // Viewers: a pool of commenters, some of whom comment a lot.
            var viewerNames = new HashSet<string>(StringComparer.Ordinal);
            var viewers = Enumerable.Range(0, Math.Clamp(o.Comments / 6, 50, 50_000))
                .Select(_ => UniqueUsername(f, viewerNames, creator: false))
                .ToArray();

            // Which video and when: more popular videos get more comments, and comments arrive as views do.
            var videoWeights = Cumulative(videos.Select(v => Math.Pow(v.FinalViews, 0.6)));
            var mix = o.NormalizedMix;
            var drafts = new List<Draft>(o.Comments);
            for (var i = 0; i < o.Comments; i++)
            {
                var v = Pick(r, videoWeights);
                var video = videos[v];
                var age = (long)Math.Ceiling(video.Curve.AgeAt(r.Double()));
                var time = Math.Min(_end, video.CreateTime.ToUnixTimeSeconds() + age);
                var u = r.Double();
                var label = u < mix.Positive ? SentimentLabel.Positive
                    : u < mix.Positive + mix.Neutral ? SentimentLabel.Neutral
                    : SentimentLabel.Negative;
                drafts.Add(new Draft(i, v, time, label));
            }

            // Per video in time order, so a reply always follows its parent.
            var byVideo = drafts.OrderBy(d => d.Video).ThenBy(d => d.Time).ThenBy(d => d.Seq).ToList();
            var comments = new List<GeneratedComment>(o.Comments);
            var year = DateTimeOffset.FromUnixTimeSeconds(_start).Year;
            var replies = new Dictionary<string, long>(StringComparer.Ordinal);
            var start = 0;
            while (start < byVideo.Count)
            {
                var v = byVideo[start].Video;
                var end = start;
                while (end < byVideo.Count && byVideo[end].Video == v)
                {
                    end++;
                }

                var video = videos[v];
                var ctx = new TextContext(video.Username, video.Topic, year, viewers);
                for (var k = start; k < end; k++)
                {
                    var d = byVideo[k];
                    string? parent = null;
                    var theme = r.Bool((float)o.ThemeRate) ? AudienceThemes.Pick(d.Label, r) : null;
                    var body = theme is null ? Content.Comment(d.Label, text, ctx) : Content.Comment(theme, d.Label, text, ctx);
                    if (k > start && r.Bool((float)o.ReplyRate))
                    {
                        var p = comments[comments.Count - 1 - r.Int(0, Math.Min(k - start, 20) - 1)];
                        parent = p.Id;
                        replies[p.Id] = replies.GetValueOrDefault(p.Id) + 1;
                        if (r.Bool(0.4f))
                        {
                            body = "@" + p.Username + " " + body;
                        }
                    }

                    comments.Add(new GeneratedComment
                    {
                        Id = NewId(r),
                        VideoId = video.Id,
                        ParentCommentId = parent,
                        Username = r.ArrayElement(viewers),
                        CreateTime = DateTimeOffset.FromUnixTimeSeconds(d.Time),
                        Text = body,
                        Label = d.Label,
                        Theme = theme?.Name,
                    });
                }

                start = end;
            }

            // Duplicates: an exact number of distinct comments, re-sent once, a little later.
            // Comment likes: heavy-tailed, larger on bigger videos.
            var likeScale = videos.ToDictionary(v => v.Id, v => Math.Max(1, Math.Log10(Math.Max(10, v.FinalViews)) - 1), StringComparer.Ordinal);
            var duplicated = new HashSet<int>(SampleIndices(r, comments.Count, (int)Math.Round(o.DuplicateRate * comments.Count)));
            var maxDelay = (long)Math.Max(1, o.MaxDuplicateDelay.TotalSeconds);
            for (var i = 0; i < comments.Count; i++)
            {
                var c = comments[i];
                var time = c.CreateTime.ToUnixTimeSeconds();
                var e = new WireEvent
                {
                    Type = WireFields.TypeComment,
                    Id = c.Id,
                    VideoId = c.VideoId,
                    Text = c.Text,
                    LikeCount = (long)Math.Floor((Math.Pow(1 - r.Double(), -1 / 1.2) - 1) * likeScale[c.VideoId]),
                    ReplyCount = replies.GetValueOrDefault(c.Id),
                    ParentCommentId = c.ParentCommentId,
                    CreateTime = time,
                    Username = c.Username,
                };
                Add(time, EventOrigin.Original, e);
                if (duplicated.Contains(i))
                {
                    Add(Math.Min(_end, time + r.Long(1, maxDelay)), EventOrigin.DuplicateComment, e);
                }
            }

            // Exposed in time order, which reads better than the per-video order they were written in.
            return comments.OrderBy(c => c.CreateTime).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
        }

        private void AddEngagement(Randomizer r, List<GeneratedVideo> videos)
        {
            var interval = (long)Math.Max(1, o.EngagementInterval.TotalSeconds);
            var observations = new List<Observation>();
            foreach (var video in videos)
            {
                var created = video.CreateTime.ToUnixTimeSeconds();
                var first = observations.Count;
                for (var t = created + r.Long(0, interval - 1); t <= _end; t += interval)
                {
                    var (views, likes, shares) = video.Curve.CountersAt(t - created);
                    observations.Add(new Observation(video.Id, t, new WireEvent
                    {
                        Type = WireFields.TypeEngagement,
                        VideoId = video.Id,
                        Time = t,
                        ViewCount = views,
                        LikeCount = likes,
                        ShareCount = shares,
                    }));
                }

                // The last observation of a video has no successor, so it cannot be sent late.
                for (var i = first; i < observations.Count - 1; i++)
                {
                    observations[i] = observations[i] with { Next = i + 1 };
                }
            }

            // Late observations: an exact number, never two neighbours (so each one really arrives after a newer one).
            var wantLate = (int)Math.Round(o.EngagementOutOfOrderRate * observations.Count);
            var late = new HashSet<int>();
            if (wantLate > 0)
            {
                foreach (var i in SampleIndices(r, observations.Count, observations.Count))
                {
                    if (late.Count == wantLate)
                    {
                        break;
                    }

                    if (observations[i].Next is not null && !late.Contains(i - 1) && !late.Contains(i + 1))
                    {
                        late.Add(i);
                    }
                }
            }

            var repeated = new HashSet<int>(SampleIndices(r, observations.Count, (int)Math.Round(o.EngagementRepeatRate * observations.Count)));
            for (var i = 0; i < observations.Count; i++)
            {
                var obs = observations[i];
                var sendAt = obs.Time;
                var origin = EventOrigin.Original;
                if (late.Contains(i))
                {
                    var next = observations[obs.Next!.Value].Time;
                    sendAt = Math.Min(_end, next + r.Long(1, Math.Max(1, interval / 2)));
                    origin = EventOrigin.DelayedObservation;
                }

                Add(sendAt, origin, obs.Event);
                if (repeated.Contains(i))
                {
                    Add(Math.Min(_end, sendAt + r.Long(1, 2 * interval)), EventOrigin.RepeatedObservation, obs.Event);
                }
            }
        }

        private static double[] Cumulative(IEnumerable<double> weights)
        {
            var list = weights.ToArray();
            for (var i = 1; i < list.Length; i++)
            {
                list[i] += list[i - 1];
            }

            return list;
        }

        private static int Pick(Randomizer r, double[] cumulative)
        {
            var x = r.Double() * cumulative[^1];
            var i = Array.BinarySearch(cumulative, x);
            i = i < 0 ? ~i : i + 1;
            return Math.Min(i, cumulative.Length - 1);
        }

        private static long LogUniform(Randomizer r, long min, long max) =>
            (long)Math.Round(Math.Exp(r.Double(Math.Log(min), Math.Log(max))));

        private static void Shuffle<T>(Randomizer r, T[] items)
        {
            for (var i = items.Length - 1; i > 0; i--)
            {
                var j = r.Int(0, i);
                (items[i], items[j]) = (items[j], items[i]);
            }
        }

        /// <summary>The first <paramref name="count"/> indices of a random permutation of [0, n).</summary>
        private static IEnumerable<int> SampleIndices(Randomizer r, int n, int count)
        {
            var all = Enumerable.Range(0, n).ToArray();
            Shuffle(r, all);
            return all.Take(Math.Min(count, n));
        }

        private static long CeilSeconds(DateTimeOffset t)
        {
            var s = t.ToUnixTimeSeconds();
            return DateTimeOffset.FromUnixTimeSeconds(s) < t ? s + 1 : s;
        }

        private static long FloorSeconds(DateTimeOffset t)
        {
            var s = t.ToUnixTimeSeconds();
            return DateTimeOffset.FromUnixTimeSeconds(s) > t ? s - 1 : s;
        }

        private sealed record Pending(long SendAt, EventOrigin Origin, int Seq, WireEvent Event);

        private sealed record Draft(int Seq, int Video, long Time, SentimentLabel Label);

        private sealed record Observation(string VideoId, long Time, WireEvent Event, int? Next = null);
    }
}
