namespace Insights.Grains.Sources;

using Insights.Delivery;
using Insights.Sources;
using Insights.Sources.TikTok;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

/// <summary>
/// The cluster's one TikTok poller, thin over <see cref="TikTokSource"/>: the source polls, maps and delivers through
/// the ingest path (<see cref="IEventSink"/> keyed <c>tiktok</c>); the grain keeps its state (<see cref="ITikTokStateStore"/>
/// over grain storage, written after every page) and schedules the next poll with a grain timer. A reminder every
/// <see cref="ReminderPeriod"/> brings the grain back after its silo is gone; a new activation reads the state and
/// goes on where the last delivered page ended, with the day's budget as it was spent.
/// </summary>
public sealed partial class TikTokPollerGrain(
    [PersistentState("tiktok-poller", StorageNames.Grains)] IPersistentState<TikTokPollerState> state,
    IOptions<TikTokSourceOptions> options,
    IServiceProvider services,
    SourceMetrics metrics,
    TimeProvider clock,
    ILoggerFactory loggerFactory)
    : Grain, ITikTokPollerGrain, IRemindable, ITikTokStateStore
{
    public const string ReminderName = "tiktok-poll";

    /// <summary>Orleans' shortest reminder period by default; only a wake-up, the timer does the polling.</summary>
    public static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    private readonly ILogger _logger = loggerFactory.CreateLogger<TikTokPollerGrain>();
    private readonly CancellationTokenSource _stopping = new();
    private TikTokSource? _source;
    private IGrainTimer? _timer;
    private Task _poll = Task.CompletedTask;
    private DateTimeOffset? _nextPollAt;
    private int _polls;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Enabled)
        {
            _source = new TikTokSource(options.Value, services.GetRequiredKeyedService<IEventSink>(TikTokResearchClient.Source),
                this, metrics, clock, loggerFactory,
                services.GetRequiredService<IHttpClientFactory>().CreateClient(TikTokSourceServiceCollectionExtensions.HttpClientName));
            // Interleaved: a poll can wait minutes for the request budget, and must not hold up reminder ticks or status calls.
            _timer = this.RegisterGrainTimer(PollAsync, new GrainTimerCreationOptions
            {
                DueTime = TimeSpan.Zero,
                Period = Timeout.InfiniteTimeSpan,
                Interleave = true,
                KeepAlive = true,
            });
        }

        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        _timer?.Dispose();
        try
        {
            // The poll saves its last page's state on its way out; the source is disposed only once it is done.
            await _poll.WaitAsync(cancellationToken);
            _source?.Dispose();
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async Task EnsureScheduled()
    {
        if (options.Value.Enabled)
        {
            await this.RegisterOrUpdateReminder(ReminderName, ReminderPeriod, ReminderPeriod);
        }
        else if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public Task<TikTokPollerStatus> GetStatus() => Task.FromResult(new TikTokPollerStatus
    {
        Enabled = _source is not null,
        Polls = _polls,
        NextPollAt = _nextPollAt,
        RequestsLeftToday = _source?.Budget.AvailableToday() ?? 0,
        VideosTracked = _source?.State.Videos.Count ?? 0,
    });

    /// <summary>The activation itself polls; a tick only had to bring the grain back, or notice it was disabled.</summary>
    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == ReminderName && !options.Value.Enabled ? EnsureScheduled() : Task.CompletedTask;

    Task<TikTokState> ITikTokStateStore.LoadAsync(CancellationToken cancellationToken) =>
        Task.FromResult(TikTokStateJson.Deserialize(state.State.Document));

    async Task ITikTokStateStore.SaveAsync(TikTokState saved, CancellationToken cancellationToken)
    {
        state.State.Document = TikTokStateJson.Serialize(saved);
        await state.WriteStateAsync(cancellationToken);
    }

    private Task PollAsync(CancellationToken cancellationToken) => _poll = PollOnceAsync(cancellationToken);

    private async Task PollOnceAsync(CancellationToken cancellationToken)
    {
        var source = _source!;
        DateTimeOffset next;
        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
            next = await source.PollOnceAsync(linked.Token);
            _polls++;
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            // A storage or programming failure, not an API one (the source handles those): try again soon.
            next = clock.GetUtcNow() + options.Value.FailedPollRetryInterval;
            LogPollFailed(next, ex);
        }

        _nextPollAt = next;
        var delay = next - clock.GetUtcNow();
        _timer?.Change(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "TikTok poll failed; polling again at {Next}")]
    private partial void LogPollFailed(DateTimeOffset next, Exception ex);
}
