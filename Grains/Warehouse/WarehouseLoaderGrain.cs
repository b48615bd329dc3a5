namespace Insights.Grains.Warehouse;

using Insights.Export;
using Insights.Series;
using Insights.Warehouse;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

/// <summary>
/// The cluster's one warehouse loader (key <see cref="IWarehouseLoaderGrain.GlobalKey"/>), woken by a reminder
/// every <see cref="WarehouseOptions.LoadInterval"/>. A reminder survives the grain's deactivation (a new activation
/// receives it) and, with a durable reminder service, restarts; with the in-memory one, every silo re-registers it
/// at start (<see cref="Insights.Warehouse.Hosting.WarehouseHostingExtensions.AddInsightsWarehouse(Orleans.Hosting.ISiloBuilder, Microsoft.Extensions.Configuration.IConfiguration)"/>).
/// The load itself runs on the thread pool, off the grain scheduler; the grain's turn waits for it, so loads never overlap.
/// </summary>
public sealed class WarehouseLoaderGrain(WarehouseService warehouse, IOptions<WarehouseOptions> options, ILogger<WarehouseLoaderGrain> logger)
    : Grain, IWarehouseLoaderGrain, IRemindable
{
    public const string ReminderName = "warehouse-load";

    private WarehouseLoadReport? _last;

    public async Task EnsureScheduled()
    {
        var o = options.Value;
        if (o.LoadOnSchedule)
        {
            await this.RegisterOrUpdateReminder(ReminderName, o.LoadInterval, o.LoadInterval);
            logger.LogInformation("Warehouse loads scheduled every {Interval} into {Provider}", o.LoadInterval, o.Provider);
        }
        else if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public Task<WarehouseLoadReport> Load() => RunAsync("api");

    public Task<WarehouseLoadReport?> GetLastLoad() => Task.FromResult(_last);

    public async Task<IReadOnlyList<VideoSentimentPeriod>> GetVideoSentiment(string videoId) =>
        await Task.Run(() => warehouse.GetVideoSentimentAsync(videoId));

    public async Task<VideoSeries> GetVideoSeries(string videoId, string grain, DateTimeOffset from, DateTimeOffset to) =>
        await Task.Run(() => warehouse.GetVideoSeriesAsync(videoId, grain, from, to));

    public async Task<CommentPage> GetVideoComments(string videoId, CommentCursor? after, int pageSize) =>
        await Task.Run(() => warehouse.GetVideoCommentsAsync(videoId, after, pageSize));

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ReminderName)
        {
            return;
        }

        if (!options.Value.LoadOnSchedule)
        {
            await EnsureScheduled();
            return;
        }

        try
        {
            await RunAsync("reminder");
        }
        catch (Exception ex)
        {
            // The next tick tries again; whatever files were committed stay loaded.
            logger.LogError(ex, "Scheduled warehouse load failed");
        }
    }

    private async Task<WarehouseLoadReport> RunAsync(string trigger)
    {
        var (result, models) = await Task.Run(() => warehouse.LoadAsync());
        _last = WarehouseService.ToReport(trigger, result, models);
        return _last;
    }
}
