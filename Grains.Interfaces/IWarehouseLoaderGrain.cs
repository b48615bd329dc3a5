namespace Insights;

using Insights.Export;
using Insights.Series;
using Orleans.Concurrency;

/// <summary>
/// Loads the processed zone of the lake into the warehouse: on a reminder every <c>Insights:Warehouse:LoadInterval</c>
/// and on demand. One per cluster (key <see cref="GlobalKey"/>), so there is exactly one active loader; its calls
/// run one at a time, so a scheduled load and an API load never overlap.
/// </summary>
[Alias("insights.IWarehouseLoaderGrain")]
public interface IWarehouseLoaderGrain : IGrainWithStringKey
{
    const string GlobalKey = "global";

    /// <summary>Registers (or updates) the load reminder, or removes it when scheduled loads are off. Each silo calls it at start.</summary>
    [Alias("EnsureScheduled")]
    Task EnsureScheduled();

    /// <summary>Loads what is new, changed or gone in the lake now; answers what it did.</summary>
    [Alias("Load"), ResponseTimeout("00:10:00")]
    Task<WarehouseLoadReport> Load();

    /// <summary>The last load of this activation (scheduled or on demand), or null before the first.</summary>
    [Alias("GetLastLoad"), AlwaysInterleave]
    Task<WarehouseLoadReport?> GetLastLoad();

    /// <summary>The video's rows of the <c>video_sentiment_score</c> model, per day then per hour, oldest first.</summary>
    [Alias("GetVideoSentiment"), ResponseTimeout("00:01:00")]
    Task<IReadOnlyList<VideoSentimentPeriod>> GetVideoSentiment(string videoId);

    /// <summary>
    /// The video's series over [<paramref name="from"/>, <paramref name="to"/>) per <c>hour</c> or <c>day</c>, from the
    /// <c>video_series_hourly</c> and <c>video_series_daily</c> models, periods without activity as zeros.
    /// </summary>
    [Alias("GetVideoSeries"), ResponseTimeout("00:01:00")]
    Task<VideoSeries> GetVideoSeries(string videoId, string grain, DateTimeOffset from, DateTimeOffset to);

    /// <summary>A page of the video's loaded comments with their sentiment, oldest first, after <paramref name="after"/> (null: from the start).</summary>
    [Alias("GetVideoComments"), ResponseTimeout("00:01:00")]
    Task<CommentPage> GetVideoComments(string videoId, CommentCursor? after, int pageSize);
}

/// <summary>What one warehouse load did (<c>POST /api/warehouse/load</c>).</summary>
[GenerateSerializer, Immutable, Alias("insights.WarehouseLoadReport")]
public sealed record WarehouseLoadReport
{
    /// <summary><c>api</c> or <c>reminder</c>.</summary>
    [Id(0)] public string Trigger { get; init; } = "";
    /// <summary>Engine and location (no secrets).</summary>
    [Id(1)] public string Target { get; init; } = "";
    [Id(2)] public DateTimeOffset StartedAt { get; init; }
    [Id(3)] public double DurationSeconds { get; init; }
    /// <summary>Files loaded for the first time or reloaded because they changed.</summary>
    [Id(4)] public int FilesLoaded { get; init; }
    /// <summary>Files gone from the lake whose rows were removed.</summary>
    [Id(5)] public int FilesRemoved { get; init; }
    [Id(6)] public int FilesUnchanged { get; init; }
    /// <summary>Files that vanished between listing and loading; the next load sees they are gone.</summary>
    [Id(7)] public int FilesSkipped { get; init; }
    [Id(8)] public long RowsLoaded { get; init; }
    [Id(9)] public long RowsRemoved { get; init; }
    /// <summary>Files that failed, "path: error"; nothing of them was kept and the next load retries them.</summary>
    [Id(10)] public IReadOnlyList<string> Failures { get; init; } = [];
    /// <summary>dbt models (re)created as views after this load (the first load of an activation builds them).</summary>
    [Id(11)] public int ModelsBuilt { get; init; }
}

/// <summary>One row of the <c>video_sentiment_score</c> model: a video's comment sentiment over an hour or a day.</summary>
[GenerateSerializer, Immutable, Alias("insights.VideoSentimentPeriod")]
public sealed record VideoSentimentPeriod
{
    [Id(0)] public string VideoId { get; init; } = "";
    /// <summary><c>hour</c> or <c>day</c>.</summary>
    [Id(1)] public string Grain { get; init; } = "";
    /// <summary>Start of the hour or day (UTC, comment time).</summary>
    [Id(2)] public DateTimeOffset PeriodStart { get; init; }
    [Id(3)] public long Comments { get; init; }
    [Id(4)] public long Positive { get; init; }
    [Id(5)] public long Neutral { get; init; }
    [Id(6)] public long Negative { get; init; }
    [Id(7)] public double PositiveShare { get; init; }
    [Id(8)] public double NegativeShare { get; init; }
    /// <summary>Mean compound score, -1..1.</summary>
    [Id(9)] public double MeanScore { get; init; }
    /// <summary>(mean positive probability - mean negative probability) x 100, -100..100.</summary>
    [Id(10)] public double SentimentScore { get; init; }
}
