namespace Insights.Warehouse.Schema;

using Insights.Lake.Zones;

/// <summary>Logical column types; each dialect names them (<see cref="Sql.SqlDialect.TypeName"/>).</summary>
public enum ColumnType
{
    /// <summary>An id: at most 64 ASCII characters.</summary>
    Id,
    /// <summary>A short label or name (usernames, sentiment labels, analyzer names, hashtags): at most 256 characters.</summary>
    Name,
    /// <summary>Free text of at most 4000 UTF-16 units (comment text; columnstore tables refuse unbounded text).</summary>
    Text,
    /// <summary>Unbounded text, only in row-store tables (video descriptions, hashtag lists).</summary>
    LongText,
    /// <summary>A lake path.</summary>
    Path,
    BigInt,
    Int,
    Double,
    Timestamp,
    Date,
}

/// <summary>Where a loaded column's value comes from.</summary>
public enum ColumnSource
{
    /// <summary>The Parquet column of the same name.</summary>
    File,
    /// <summary>The start of the hour of <see cref="WarehouseColumn.From"/> (a timestamp column of the file).</summary>
    HourOf,
    /// <summary>The date of <see cref="WarehouseColumn.From"/>.</summary>
    DateOf,
    /// <summary>The day before the date of <see cref="WarehouseColumn.From"/> (no portable date arithmetic for the models).</summary>
    DayBefore,
    /// <summary>The lake path of the file the row came from.</summary>
    SourceFile,
    /// <summary>When the file was loaded.</summary>
    LoadedAt,
    /// <summary>Not loaded from files (generated tables: dim_date, bridge and manifest columns).</summary>
    None,
}

public sealed record WarehouseColumn(string Name, ColumnType Type, ColumnSource Source = ColumnSource.File, string? From = null);

public enum TableKind
{
    /// <summary>Large, append-mostly: hash-distributed columnstore on Synapse.</summary>
    Fact,
    /// <summary>Small: replicated row store on Synapse.</summary>
    Dimension,
    /// <summary>Bookkeeping of the loader.</summary>
    Manifest,
}

/// <summary>A warehouse table. <see cref="Key"/> is the distribution column (facts) or the clustered index (dimensions).</summary>
public sealed record WarehouseTable(string Name, TableKind Kind, string? Key, IReadOnlyList<WarehouseColumn> Columns)
{
    /// <summary>The columns a Parquet file of the dataset has, in file order (Synapse's COPY INTO maps Parquet columns by position).</summary>
    public IEnumerable<WarehouseColumn> FileColumns => Columns.Where(c => c.Source == ColumnSource.File);

    /// <summary>The columns filled by a load (file columns and derived ones).</summary>
    public IEnumerable<WarehouseColumn> LoadedColumns => Columns.Where(c => c.Source != ColumnSource.None);
}

/// <summary>
/// A dataset of the processed zone and the table it loads into. A file's rows carry its path in <c>source_file</c>,
/// so reloading or removing a file touches exactly its rows.
/// </summary>
public sealed record WarehouseDataset(string Name, string LakePrefix, WarehouseTable Table)
{
    /// <summary>Also filled from each file of this dataset: the video/hashtag bridge of <c>dim_videos</c>.</summary>
    public WarehouseTable? Bridge { get; init; }

    /// <summary>The name every file of the dataset has, when datasets share a folder (the topics zone's four files).</summary>
    public string? FileName { get; init; }

    public bool Contains(string lakePath) =>
        lakePath.StartsWith(LakePrefix, StringComparison.Ordinal) && lakePath.EndsWith(".parquet", StringComparison.Ordinal)
        && (FileName is null || lakePath.EndsWith("/" + FileName, StringComparison.Ordinal));
}

/// <summary>
/// The star schema: <c>fact_comment</c>, <c>fact_video_snapshot</c>, <c>dim_video</c> (with its hashtag bridge
/// <c>dim_video_hashtag</c>), <c>dim_creator</c>, <c>dim_date</c>, the topics of each day (<c>topics_daily</c>,
/// <c>topic_terms_daily</c>, <c>comment_topics</c>, <c>video_topics</c>), and the loader's <c>load_manifest</c>. Column names
/// are the lake's (snake_case <c>JsonPropertyName</c>s of the row classes), in Parquet order.
/// </summary>
public static class WarehouseSchema
{
    public const string SourceFileColumn = "source_file";
    public const string LoadedAtColumn = "loaded_at";

    private static readonly WarehouseColumn SourceFile = new(SourceFileColumn, ColumnType.Path, ColumnSource.SourceFile);
    private static readonly WarehouseColumn LoadedAt = new(LoadedAtColumn, ColumnType.Timestamp, ColumnSource.LoadedAt);

    public static readonly WarehouseTable FactComment = new("fact_comment", TableKind.Fact, "video_id",
    [
        new("comment_id", ColumnType.Id),
        new("video_id", ColumnType.Id),
        new("parent_comment_id", ColumnType.Id),
        new("username", ColumnType.Name),
        new("text", ColumnType.Text),
        new("like_count", ColumnType.BigInt),
        new("reply_count", ColumnType.BigInt),
        new("create_time", ColumnType.Timestamp),
        new("ingested_at", ColumnType.Timestamp),
        new("sentiment_label", ColumnType.Name),
        new("sentiment_score", ColumnType.Double),
        new("probability_positive", ColumnType.Double),
        new("probability_neutral", ColumnType.Double),
        new("probability_negative", ColumnType.Double),
        new("analyzer", ColumnType.Name),
        new("language", ColumnType.Name),
        new("create_hour", ColumnType.Timestamp, ColumnSource.HourOf, "create_time"),
        new("create_date", ColumnType.Date, ColumnSource.DateOf, "create_time"),
        SourceFile,
        LoadedAt,
    ]);

    public static readonly WarehouseTable FactVideoSnapshot = new("fact_video_snapshot", TableKind.Fact, "video_id",
    [
        new("video_id", ColumnType.Id),
        new("snapshot_time", ColumnType.Timestamp),
        new("version", ColumnType.BigInt),
        new("views", ColumnType.BigInt),
        new("likes", ColumnType.BigInt),
        new("shares", ColumnType.BigInt),
        new("comments", ColumnType.BigInt),
        new("engagement_rate", ColumnType.Double),
        new("positive", ColumnType.BigInt),
        new("neutral", ColumnType.BigInt),
        new("negative", ColumnType.BigInt),
        new("mean_score", ColumnType.Double),
        new("sentiment_score", ColumnType.Double),
        new("comments_5m", ColumnType.BigInt),
        new("engagement_rate_5m", ColumnType.Double),
        new("sentiment_score_5m", ColumnType.Double),
        new("comments_1h", ColumnType.BigInt),
        new("engagement_rate_1h", ColumnType.Double),
        new("sentiment_score_1h", ColumnType.Double),
        new("comments_24h", ColumnType.BigInt),
        new("engagement_rate_24h", ColumnType.Double),
        new("sentiment_score_24h", ColumnType.Double),
        new("last_event_time", ColumnType.Timestamp),
        new("snapshot_hour", ColumnType.Timestamp, ColumnSource.HourOf, "snapshot_time"),
        new("snapshot_date", ColumnType.Date, ColumnSource.DateOf, "snapshot_time"),
        SourceFile,
        LoadedAt,
    ]);

    public static readonly WarehouseTable DimVideo = new("dim_video", TableKind.Dimension, "video_id",
    [
        new("video_id", ColumnType.Id),
        new("username", ColumnType.Name),
        new("create_time", ColumnType.Timestamp),
        new("region_code", ColumnType.Name),
        new("video_description", ColumnType.LongText),
        new("hashtag_names", ColumnType.LongText),
        new("music_id", ColumnType.Id),
        new("duration", ColumnType.Int),
        new("updated_at", ColumnType.Timestamp),
        new("create_date", ColumnType.Date, ColumnSource.DateOf, "create_time"),
        SourceFile,
        LoadedAt,
    ]);

    /// <summary>
    /// One row per video and hashtag, split from <c>dim_video.hashtag_names</c> (comma-separated) at load time,
    /// trimmed and lower-cased: the one string operation that differs per engine
    /// (<see cref="Sql.SqlDialect.SplitHashtagsSelect"/>), done once here so the dbt models stay portable.
    /// </summary>
    public static readonly WarehouseTable DimVideoHashtag = new("dim_video_hashtag", TableKind.Dimension, "video_id",
    [
        new("video_id", ColumnType.Id, ColumnSource.None),
        new("hashtag", ColumnType.Name, ColumnSource.None),
        SourceFile,
        LoadedAt,
    ]);

    public static readonly WarehouseTable DimCreator = new("dim_creator", TableKind.Dimension, "username",
    [
        new("username", ColumnType.Name),
        new("video_count", ColumnType.Int),
        new("first_video_time", ColumnType.Timestamp),
        new("last_video_time", ColumnType.Timestamp),
        new("updated_at", ColumnType.Timestamp),
        SourceFile,
        LoadedAt,
    ]);

    /// <summary>A contiguous calendar from the first to the last date present in the facts and videos.</summary>
    public static readonly WarehouseTable DimDate = new("dim_date", TableKind.Dimension, "calendar_date",
    [
        new("date_key", ColumnType.Int, ColumnSource.None),
        new("calendar_date", ColumnType.Date, ColumnSource.None),
        new("year", ColumnType.Int, ColumnSource.None),
        new("quarter", ColumnType.Int, ColumnSource.None),
        new("month", ColumnType.Int, ColumnSource.None),
        new("month_name", ColumnType.Name, ColumnSource.None),
        new("day_of_month", ColumnType.Int, ColumnSource.None),
        new("day_of_week", ColumnType.Int, ColumnSource.None),
        new("day_name", ColumnType.Name, ColumnSource.None),
        new("iso_week", ColumnType.Int, ColumnSource.None),
        new("is_weekend", ColumnType.Int, ColumnSource.None),
    ]);

    /// <summary>One row per loaded lake file: what was loaded, so nothing is loaded twice and changes are seen.</summary>
    public static readonly WarehouseTable LoadManifest = new("load_manifest", TableKind.Manifest, null,
    [
        new("file_path", ColumnType.Path, ColumnSource.None),
        new("dataset", ColumnType.Name, ColumnSource.None),
        new("size_bytes", ColumnType.BigInt, ColumnSource.None),
        new("last_modified", ColumnType.Timestamp, ColumnSource.None),
        new("row_count", ColumnType.BigInt, ColumnSource.None),
        new("loaded_at", ColumnType.Timestamp, ColumnSource.None),
    ]);

    /// <summary>
    /// A day's topics (<c>processed/topics/date=.../topics.parquet</c>): small, so replicated. <c>topic_date</c> and
    /// <c>previous_date</c> (the day before) are derived at load, so the models compare days without date arithmetic,
    /// which has no spelling common to DuckDB and T-SQL.
    /// </summary>
    public static readonly WarehouseTable TopicsDaily = new("topics_daily", TableKind.Dimension, "topic_id",
    [
        new("date", ColumnType.Timestamp),
        new("topic_id", ColumnType.Id),
        new("label", ColumnType.Name),
        new("terms", ColumnType.Text),
        new("comments", ColumnType.BigInt),
        new("videos", ColumnType.BigInt),
        new("positive", ColumnType.BigInt),
        new("neutral", ColumnType.BigInt),
        new("negative", ColumnType.BigInt),
        new("mean_score", ColumnType.Double),
        new("sentiment_score", ColumnType.Double),
        new("previous_comments", ColumnType.BigInt),
        new("model", ColumnType.Name),
        new("built_at", ColumnType.Timestamp),
        new("topic_date", ColumnType.Date, ColumnSource.DateOf, "date"),
        new("previous_date", ColumnType.Date, ColumnSource.DayBefore, "date"),
        SourceFile,
        LoadedAt,
    ]);

    /// <summary>The top terms of each topic of a day with their weights (<c>topic_terms.parquet</c>).</summary>
    public static readonly WarehouseTable TopicTermsDaily = new("topic_terms_daily", TableKind.Dimension, "topic_id",
    [
        new("date", ColumnType.Timestamp),
        new("topic_id", ColumnType.Id),
        new("rank", ColumnType.Int),
        new("term", ColumnType.Name),
        new("weight", ColumnType.Double),
        new("topic_date", ColumnType.Date, ColumnSource.DateOf, "date"),
        SourceFile,
        LoadedAt,
    ]);

    /// <summary>The topic each comment of a day was assigned to (<c>comment_topics.parquet</c>): distributed like fact_comment.</summary>
    public static readonly WarehouseTable CommentTopics = new("comment_topics", TableKind.Fact, "video_id",
    [
        new("date", ColumnType.Timestamp),
        new("comment_id", ColumnType.Id),
        new("video_id", ColumnType.Id),
        new("topic_id", ColumnType.Id),
        new("weight", ColumnType.Double),
        new("topic_date", ColumnType.Date, ColumnSource.DateOf, "date"),
        SourceFile,
        LoadedAt,
    ]);

    /// <summary>A video's comments on each topic of a day with their sentiment (<c>video_topics.parquet</c>).</summary>
    public static readonly WarehouseTable VideoTopics = new("video_topics", TableKind.Fact, "video_id",
    [
        new("date", ColumnType.Timestamp),
        new("video_id", ColumnType.Id),
        new("topic_id", ColumnType.Id),
        new("comments", ColumnType.BigInt),
        new("positive", ColumnType.BigInt),
        new("neutral", ColumnType.BigInt),
        new("negative", ColumnType.BigInt),
        new("mean_score", ColumnType.Double),
        new("sentiment_score", ColumnType.Double),
        new("topic_date", ColumnType.Date, ColumnSource.DateOf, "date"),
        SourceFile,
        LoadedAt,
    ]);

    public static readonly WarehouseDataset Comments = new(ProcessedZoneWriter.CommentsDataset, ProcessedZoneWriter.CommentsDataset + "/", FactComment);

    public static readonly WarehouseDataset Snapshots = new(ProcessedZoneWriter.SnapshotsDataset, ProcessedZoneWriter.SnapshotsDataset + "/", FactVideoSnapshot);

    public static readonly WarehouseDataset Videos = new("dim_videos", DimensionTables.VideosPath, DimVideo) { Bridge = DimVideoHashtag };

    public static readonly WarehouseDataset Creators = new("dim_creators", DimensionTables.CreatorsPath, DimCreator);

    // The four files of a day's topics share its folder: each dataset is one file name there.
    public static readonly WarehouseDataset Topics = TopicDataset("topics", TopicFiles.Topics, TopicsDaily);

    public static readonly WarehouseDataset TopicTerms = TopicDataset("topic_terms", TopicFiles.Terms, TopicTermsDaily);

    public static readonly WarehouseDataset CommentTopicAssignments = TopicDataset("comment_topics", TopicFiles.CommentTopics, CommentTopics);

    public static readonly WarehouseDataset VideoTopicCounts = TopicDataset("video_topics", TopicFiles.VideoTopics, VideoTopics);

    /// <summary>In load order: dimensions first, so facts find their videos as soon as they land.</summary>
    public static readonly IReadOnlyList<WarehouseDataset> Datasets =
        [Videos, Creators, Comments, Snapshots, Topics, TopicTerms, CommentTopicAssignments, VideoTopicCounts];

    public static readonly IReadOnlyList<WarehouseTable> Tables =
        [FactComment, FactVideoSnapshot, DimVideo, DimVideoHashtag, DimCreator, DimDate, TopicsDaily, TopicTermsDaily, CommentTopics, VideoTopics, LoadManifest];

    public static WarehouseDataset? DatasetOf(string lakePath) => Datasets.FirstOrDefault(d => d.Contains(lakePath));

    public static WarehouseDataset DatasetNamed(string name) =>
        Datasets.FirstOrDefault(d => d.Name == name) ?? throw new ArgumentException($"unknown dataset '{name}'", nameof(name));

    private static WarehouseDataset TopicDataset(string name, string fileName, WarehouseTable table) =>
        new(name, TopicFiles.Dataset + "/", table) { FileName = fileName };
}
