namespace Insights.Lake.Tests.Writing;

using Insights.Lake.Records;
using Insights.Lake.Writing;
using Parquet;
using Parquet.Meta;
using Parquet.Schema;
using Parquet.Serialization;
using PhysicalType = Parquet.Meta.Type;

public sealed class ParquetFormatTests
{
    private static readonly DateTime Created = new(2026, 11, 24, 10, 15, 30, DateTimeKind.Utc);

    private static List<CommentRow> Comments(int count) => [.. Enumerable.Range(0, count).Select(i => new CommentRow
    {
        CommentId = "c" + i,
        VideoId = "v" + i % 3,
        ParentCommentId = i % 4 == 0 ? "c0" : null,
        Username = "user" + i % 5,
        Text = $"comment {i} ünïcödé 😍",
        LikeCount = i * 7,
        ReplyCount = i % 2,
        // Sub-microsecond ticks, and a time of unspecified kind (taken as UTC, as the INT96 writer took it here).
        CreateTime = Created.AddSeconds(-i).AddTicks(i % 10),
        IngestedAt = DateTime.SpecifyKind(Created.AddMilliseconds(i * 1.5), DateTimeKind.Unspecified),
        SentimentLabel = i % 2 == 0 ? "positive" : "negative",
        SentimentScore = i / 100.0,
        ProbabilityPositive = 0.5,
        ProbabilityNeutral = 0.25,
        ProbabilityNegative = 0.25,
        Analyzer = "lexicon/1",
        Language = i % 3 == 0 ? "en" : "und",
    })];

    private static DateTime Micros(DateTime time) => new(time.Ticks - time.Ticks % 10, DateTimeKind.Utc);

    [Fact]
    public async Task Comments_read_back_as_written_with_times_to_the_microsecond()
    {
        var rows = Comments(1_000);

        var read = await ParquetFormat<CommentRow>.ReadAsync((await new ParquetFormat<CommentRow>().EncodeAsync(rows, default)).ToArray());

        Assert.Equal(rows.Count, read.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var (a, b) = (rows[i], read[i]);
            Assert.Equal(
                (a.CommentId, a.VideoId, a.ParentCommentId, a.Username, a.Text, a.LikeCount, a.ReplyCount, a.SentimentLabel),
                (b.CommentId, b.VideoId, b.ParentCommentId, b.Username, b.Text, b.LikeCount, b.ReplyCount, b.SentimentLabel));
            Assert.Equal(
                (a.SentimentScore, a.ProbabilityPositive, a.ProbabilityNeutral, a.ProbabilityNegative, a.Analyzer, a.Language),
                (b.SentimentScore, b.ProbabilityPositive, b.ProbabilityNeutral, b.ProbabilityNegative, b.Analyzer, b.Language));
            Assert.Equal(Micros(a.CreateTime), b.CreateTime);
            Assert.Equal(Micros(a.IngestedAt), b.IngestedAt);
            Assert.Equal(DateTimeKind.Utc, b.CreateTime.Kind);
        }
    }

    [Fact]
    public async Task Snapshots_keep_nullable_times_and_an_empty_batch_is_a_readable_empty_file()
    {
        var rows = new List<VideoSnapshotRow>
        {
            new() { VideoId = "v1", SnapshotTime = Created, Version = 3, Views = 10, MeanScore = 0.5, LastEventTime = Created.AddMinutes(-1) },
            new() { VideoId = "v1", SnapshotTime = Created.AddMinutes(1), Version = 4, Views = 11, LastEventTime = null },
        };
        var format = new ParquetFormat<VideoSnapshotRow>();

        var read = await ParquetFormat<VideoSnapshotRow>.ReadAsync((await format.EncodeAsync(rows, default)).ToArray());

        Assert.Equal([Created.AddMinutes(-1), null], read.Select(r => r.LastEventTime));
        Assert.Equal([3L, 4L], read.Select(r => r.Version));
        Assert.Equal([0.5, 0], read.Select(r => r.MeanScore));
        Assert.Empty(await ParquetFormat<VideoSnapshotRow>.ReadAsync((await format.EncodeAsync([], default)).ToArray()));
    }

    [Fact]
    public async Task Timestamps_are_int64_micros_and_only_the_marked_strings_are_dictionary_encoded()
    {
        var file = (await new ParquetFormat<CommentRow>().EncodeAsync(Comments(1_000), default)).ToArray();

        await using var reader = await ParquetReader.CreateAsync(new MemoryStream(file));
        var times = reader.Schema.DataFields.OfType<DateTimeDataField>().ToList();
        Assert.Equal(["create_time", "ingested_at"], times.Select(f => f.Name));
        Assert.All(times, f => Assert.Equal(DateTimeFormat.DateAndTimeMicros, f.DateTimeFormat));
        var group = reader.OpenRowGroupReader(0);
        var dictionary = reader.Schema.DataFields
            .Where(f => group.GetMetadata(f)!.MetaData!.Encodings.Contains(Encoding.PLAIN_DICTIONARY) || group.GetMetadata(f)!.MetaData!.Encodings.Contains(Encoding.RLE_DICTIONARY))
            .Select(f => f.Name);
        Assert.Equal(["video_id", "username", "sentiment_label", "analyzer", "language"], dictionary);
        Assert.All(reader.Schema.DataFields.Where(f => f is DateTimeDataField), f => Assert.Equal(PhysicalType.INT64, group.GetMetadata(f)!.MetaData!.Type));
    }

    [Fact]
    public async Task Files_of_the_old_layout_with_int96_times_still_read()
    {
        var rows = Comments(100);
        var old = new MemoryStream();
        await ParquetSerializer.SerializeAsync(rows, old);
        await using (var reader = await ParquetReader.CreateAsync(new MemoryStream(old.ToArray())))
        {
            Assert.Equal(PhysicalType.INT96, reader.OpenRowGroupReader(0).GetMetadata(reader.Schema.DataFields.Single(f => f.Name == "create_time"))!.MetaData!.Type);
        }

        var read = await ParquetFormat<CommentRow>.ReadAsync(old.ToArray());

        Assert.Equal(rows.Select(r => (r.CommentId, r.ParentCommentId, r.Text, r.CreateTime, r.IngestedAt)), read.Select(r => (r.CommentId, r.ParentCommentId, r.Text, r.CreateTime, r.IngestedAt)));
    }

    [Fact]
    public async Task Every_lake_row_type_has_a_columnar_layout_that_reads_back()
    {
        Assert.Single(await RoundTripAsync(new VideoDimRow { VideoId = "v", Username = "u", CreateTime = Created, RegionCode = null, Duration = 30, UpdatedAt = Created }));
        Assert.Single(await RoundTripAsync(new CreatorDimRow { Username = "u", VideoCount = 2, FirstVideoTime = Created, LastVideoTime = Created, UpdatedAt = Created }));
        var topic = Assert.Single(await RoundTripAsync(new TopicRow { Date = Created.Date, TopicId = "t", Label = "l", PreviousComments = null, BuiltAt = Created }));
        Assert.Null(topic.PreviousComments);
        Assert.Equal(Created.Date, topic.Date);
        Assert.Single(await RoundTripAsync(new TopicTermRow { Date = Created.Date, TopicId = "t", Rank = 1, Term = "x", Weight = 0.5 }));
        Assert.Single(await RoundTripAsync(new VideoTopicRow { Date = Created.Date, VideoId = "v", TopicId = "t", Comments = 4 }));
        Assert.Single(await RoundTripAsync(new CommentTopicRow { Date = Created.Date, CommentId = "c", VideoId = "v", TopicId = "t", Weight = 1 }));
    }

    private static async Task<IList<TRow>> RoundTripAsync<TRow>(TRow row)
        where TRow : class, new() =>
        await ParquetFormat<TRow>.ReadAsync((await new ParquetFormat<TRow>().EncodeAsync([row], default)).ToArray());
}
