namespace Insights.Warehouse;

using Insights.Export;
using Insights.Lake;
using Insights.Series;
using Insights.Warehouse.Loading;
using Insights.Warehouse.Modeling;
using Insights.Warehouse.Queries;
using Insights.Warehouse.Targets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

/// <summary>
/// The warehouse as the silo, the command line and tests use it: loads (one at a time per process), the dbt models
/// (built after the first load of the process when <see cref="WarehouseOptions.BuildModels"/>), queries.
/// Each operation opens its own session and closes it, so a DuckDB file is free between operations.
/// </summary>
public sealed class WarehouseService(
    IOptions<WarehouseOptions> options,
    ILakeStore lake,
    IWarehouseTargetFactory targets,
    TimeProvider clock,
    ILogger<WarehouseService>? logger = null)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;
    private bool _modelsBuilt;

    public WarehouseOptions Options => options.Value;

    public ILakeStore Lake => lake;

    public IWarehouseTarget CreateTarget() => targets.Create();

    /// <summary>The model runner over the configured dbt project, for the given target's dialect.</summary>
    public DbtRunner Models(IWarehouseTarget target) => new(DbtProject.Load(Options.ResolveDbtProjectPath()), target.Dialect);

    /// <summary>Loads the processed zone; then builds the models if this process has not yet.</summary>
    public async Task<(WarehouseLoadResult Load, int ModelsBuilt)> LoadAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var loader = new WarehouseLoader(lake.Zone(LakeZone.Processed), targets.Create, clock, _logger);
            var result = await loader.LoadAsync(cancellationToken);
            var built = 0;
            if (Options.BuildModels && !_modelsBuilt)
            {
                try
                {
                    await using var target = targets.Create();
                    built = (await Models(target).BuildAsync(target, cancellationToken)).Count;
                    _modelsBuilt = true;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The files are loaded and stay loaded; the models are tried again after the next load.
                    _logger.LogError(ex, "Building the dbt models after a warehouse load failed");
                    result = result with { Failures = [.. result.Failures, $"dbt models: {ex.Message}"] };
                }
            }

            WarehouseMetrics.Record(result);
            return (result, built);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Creates the tables if needed, (re)builds every model, and runs the dbt tests when asked.</summary>
    public async Task<DbtRunResult> RunModelsAsync(bool runTests = true, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var target = targets.Create();
            await target.EnsureSchemaAsync(cancellationToken);
            var result = await Models(target).RunAsync(target, runTests, cancellationToken);
            _modelsBuilt = true;
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<QueryResult> QueryAsync(string sql, IReadOnlyDictionary<string, object?>? parameters = null, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var target = targets.Create();
            return await target.QueryAsync(sql, parameters, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The video's rows of <c>video_sentiment_score</c> (days first, then hours, oldest first).</summary>
    public Task<IReadOnlyList<VideoSentimentPeriod>> GetVideoSentimentAsync(string videoId, CancellationToken cancellationToken = default) =>
        ReadModelsAsync<IReadOnlyList<VideoSentimentPeriod>>(
            async target =>
            {
                var d = target.Dialect;
                var result = await target.QueryAsync(
                    "SELECT video_id, grain, period_start, comment_count, positive_count, neutral_count, negative_count, "
                    + "positive_share, negative_share, mean_score, sentiment_score "
                    + $"FROM {d.Relation("video_sentiment_score")} WHERE video_id = {d.Parameter("video_id")} ORDER BY grain, period_start",
                    new Dictionary<string, object?> { ["video_id"] = videoId },
                    cancellationToken);
                return result.Rows.Select((_, i) => new VideoSentimentPeriod
                {
                    VideoId = result.Value<string>(i, "video_id")!,
                    Grain = result.Value<string>(i, "grain")!,
                    PeriodStart = new DateTimeOffset(DateTime.SpecifyKind(result.Value<DateTime>(i, "period_start"), DateTimeKind.Utc)),
                    Comments = result.Value<long>(i, "comment_count"),
                    Positive = result.Value<long>(i, "positive_count"),
                    Neutral = result.Value<long>(i, "neutral_count"),
                    Negative = result.Value<long>(i, "negative_count"),
                    PositiveShare = result.Value<double>(i, "positive_share"),
                    NegativeShare = result.Value<double>(i, "negative_share"),
                    MeanScore = result.Value<double>(i, "mean_score"),
                    SentimentScore = result.Value<double>(i, "sentiment_score"),
                })
                    .ToList();
            },
            cancellationToken);

    /// <summary>The video's series over [from, to) from <c>video_series_hourly</c> or <c>video_series_daily</c>, every period with zeros where nothing happened.</summary>
    public Task<VideoSeries> GetVideoSeriesAsync(string videoId, string grain, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        ReadModelsAsync(target => VideoSeriesQuery.RunAsync(target, videoId, grain, from, to, cancellationToken), cancellationToken);

    /// <summary>A page of the video's comments from <c>stg_comments</c>, after <paramref name="after"/> in (creation time, id) order.</summary>
    public Task<CommentPage> GetVideoCommentsAsync(string videoId, CommentCursor? after, int pageSize, CancellationToken cancellationToken = default) =>
        ReadModelsAsync(target => VideoCommentsQuery.RunAsync(target, videoId, after, pageSize, cancellationToken), cancellationToken);

    /// <summary>Runs a read in its own session once the models exist (built here if this process has not built them yet).</summary>
    private async Task<T> ReadModelsAsync<T>(Func<IWarehouseTarget, Task<T>> read, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var target = targets.Create();
            if (!_modelsBuilt)
            {
                await target.EnsureSchemaAsync(cancellationToken);
                await Models(target).BuildAsync(target, cancellationToken);
                _modelsBuilt = true;
            }

            return await read(target);
        }
        finally
        {
            _gate.Release();
        }
    }

    public static WarehouseLoadReport ToReport(string trigger, WarehouseLoadResult result, int modelsBuilt) => new()
    {
        Trigger = trigger,
        Target = result.Target,
        StartedAt = result.StartedAt,
        DurationSeconds = result.Duration.TotalSeconds,
        FilesLoaded = result.FilesLoaded,
        FilesRemoved = result.FilesRemoved,
        FilesUnchanged = result.FilesUnchanged,
        FilesSkipped = result.FilesSkipped,
        RowsLoaded = result.RowsLoaded,
        RowsRemoved = result.RowsRemoved,
        Failures = result.Failures,
        ModelsBuilt = modelsBuilt,
    };
}
