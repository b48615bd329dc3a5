namespace Insights.Grains.Alerts;

using Insights.Alerts;
using Insights.Grains.Domain.Alerts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

/// <summary>
/// The cluster's alerts, thin over <see cref="AlertBook"/>: takes what video grains fire, keeps the cool-down, the
/// history and the subscriptions in grain state, and sends the outbox on a timer. An alert is acknowledged to its
/// video grain only once written, so a delivery is never lost: a receiver that is down is tried again with backoff,
/// and after a restart the new activation (woken by the silos at start and by a reminder while deliveries wait) goes
/// on with the outbox it reads. A delivery that reached its receiver just before a crash may come again (at least
/// once): receivers drop repeats by <see cref="WebhookSignature.DeliveryHeader"/>.
/// </summary>
public sealed partial class AlertsGrain(
    [PersistentState("alerts", StorageNames.Grains)] IPersistentState<AlertsState> state,
    IOptions<AlertOptions> options,
    AlertRules rules,
    WebhookSender sender,
    TimeProvider clock,
    ILogger<AlertsGrain> logger) : Grain, IAlertsGrain, IRemindable
{
    public const string ReminderName = "alerts-outbox";

    /// <summary>Only a wake-up for a grain whose silo went away; the timer sends.</summary>
    public static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    private readonly AlertOptions _options = options.Value;
    private readonly ILogger _logger = logger;

    // Sending interleaves with other calls, so that a slow receiver holds up no video grain; every change of the state
    // and its write go through this gate, so no write ever sees the state half changed.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private AlertBook _book = null!;
    private IGrainTimer? _timer;
    private bool _sending;
    private bool? _reminderRegistered;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _book = new AlertBook(state.State, _options);
        _timer = this.RegisterGrainTimer(SendDueAsync, new GrainTimerCreationOptions(TimeSpan.Zero, _options.Delivery.PollInterval)
        {
            Interleave = true,
            KeepAlive = true,
        });
        return Task.CompletedTask;
    }

    public async Task Fire(IReadOnlyList<Alert> alerts)
    {
        List<Alert> accepted;
        await _gate.WaitAsync();
        try
        {
            accepted = _book.Accept(alerts, clock.GetUtcNow());
            if (accepted.Count == 0)
            {
                return;
            }

            await state.WriteStateAsync();
        }
        finally
        {
            _gate.Release();
        }

        foreach (var alert in accepted)
        {
            LogFired(alert.VideoId, alert.Rule, alert.Text);
        }

        if (_book.Pending > 0)
        {
            _timer?.Change(TimeSpan.Zero, _options.Delivery.PollInterval);
        }
    }

    public Task<IReadOnlyList<AlertRecord>> Recent(int limit, string? videoId) =>
        Task.FromResult<IReadOnlyList<AlertRecord>>(_book.Recent(Math.Clamp(limit, 1, _options.HistorySize), videoId));

    public Task<IReadOnlyList<string>> DescribeRules() => Task.FromResult(rules.Describe());

    public Task<IReadOnlyList<AlertSubscription>> Subscriptions() =>
        Task.FromResult<IReadOnlyList<AlertSubscription>>(_book.Subscriptions.Select(s => s.ToView()).ToList());

    public async Task<CreatedAlertSubscription> Subscribe(string url, string? description)
    {
        if (!WebhookUrl.TryParse(url, out var parsed, out var error))
        {
            throw new ArgumentException(error, nameof(url));
        }

        await _gate.WaitAsync();
        try
        {
            var subscription = _book.Subscribe(parsed!, description, clock.GetUtcNow());
            try
            {
                await state.WriteStateAsync();
            }
            catch
            {
                _book.Unsubscribe(subscription.Id);
                throw;
            }

            return new CreatedAlertSubscription { Subscription = subscription.ToView(), Secret = subscription.Secret };
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<bool> Unsubscribe(string id)
    {
        await _gate.WaitAsync();
        try
        {
            if (!_book.Unsubscribe(id))
            {
                return false;
            }

            await state.WriteStateAsync();
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task Wake() => Task.CompletedTask;

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        _timer?.Change(TimeSpan.Zero, _options.Delivery.PollInterval);
        return Task.CompletedTask;
    }

    private async Task SendDueAsync(CancellationToken cancellationToken)
    {
        if (_sending)
        {
            return;
        }

        _sending = true;
        try
        {
            var due = _book.Due(clock.GetUtcNow(), _options.Delivery.MaxParallel);
            if (due.Count > 0)
            {
                var outcomes = await Task.WhenAll(due.Select(d => SendAsync(d, cancellationToken)));
                await _gate.WaitAsync(cancellationToken);
                try
                {
                    var now = clock.GetUtcNow();
                    for (var i = 0; i < due.Count; i++)
                    {
                        var (delivered, error, permanent) = outcomes[i];
                        if (delivered)
                        {
                            _book.Delivered(due[i], now);
                        }
                        else
                        {
                            LogDeliveryFailed(due[i].Alert.Id, due[i].SubscriptionId, due[i].Attempts + 1, error);
                            _book.Failed(due[i], now, error ?? "failed", permanent);
                        }
                    }

                    await state.WriteStateAsync(cancellationToken);
                }
                finally
                {
                    _gate.Release();
                }
            }

            await KeepReminderAsync();
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The outbox stays as it is persisted: the next tick tries again.
            LogSendFailed(ex);
        }
        finally
        {
            _sending = false;
        }
    }

    private async Task<DeliveryOutcome> SendAsync(PendingDelivery delivery, CancellationToken cancellationToken)
    {
        if (_book.Subscription(delivery.SubscriptionId) is not { } subscription)
        {
            return new DeliveryOutcome(false, "the subscription was removed", Permanent: true);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Delivery.Timeout);
        return await sender.SendAsync(subscription, delivery.Alert, timeout.Token);
    }

    /// <summary>A reminder while deliveries wait, so that another silo wakes the grain when this one is gone.</summary>
    private async Task KeepReminderAsync()
    {
        var wanted = _book.Pending > 0;
        if (_reminderRegistered == wanted)
        {
            return;
        }

        try
        {
            if (wanted)
            {
                await this.RegisterOrUpdateReminder(ReminderName, ReminderPeriod, ReminderPeriod);
            }
            else if (await this.GetReminder(ReminderName) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            _reminderRegistered = wanted;
        }
        catch (Exception ex)
        {
            // Without a reminder service the silos' start-up wake-up and new alerts still bring the grain back.
            LogReminderFailed(ex);
            _reminderRegistered = wanted;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {Rule} on video {VideoId}: {Text}")]
    private partial void LogFired(string videoId, AlertRule rule, string text);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivering alert {AlertId} to subscription {SubscriptionId} failed (attempt {Attempt}): {Error}")]
    private partial void LogDeliveryFailed(string alertId, string subscriptionId, int attempt, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending the alert outbox failed; the next tick tries again")]
    private partial void LogSendFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The alert outbox reminder could not be kept; start-up and new alerts still wake the outbox")]
    private partial void LogReminderFailed(Exception ex);
}
