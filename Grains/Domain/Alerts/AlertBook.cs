namespace Insights.Grains.Domain.Alerts;

using Insights.Alerts;

/// <summary>
/// The rules of the alerts grain's state: cool-down, history, subscriptions and the outbox of deliveries with their
/// backoff. Plain code (callers pass "now" and do the sending), so it is tested without a cluster.
/// </summary>
public sealed class AlertBook
{
    private readonly AlertsState _state;
    private readonly AlertOptions _options;
    private readonly AlertCooldown _cooldown;
    private readonly BackoffSchedule _backoff;

    public AlertBook(AlertsState state, AlertOptions options)
    {
        _state = state;
        _options = options;
        _cooldown = new AlertCooldown(state.LastFired, options.Cooldown);
        _backoff = BackoffSchedule.From(options.Delivery);
    }

    /// <summary>Deliveries waiting in the outbox.</summary>
    public int Pending => _state.Outbox.Count;

    public IReadOnlyList<WebhookSubscription> Subscriptions => _state.Subscriptions;

    /// <summary>
    /// Keeps the alerts whose video and rule are out of their cool-down: into the history, and one delivery per
    /// subscription into the outbox, due now. Returns what it kept.
    /// </summary>
    public List<Alert> Accept(IEnumerable<Alert> alerts, DateTimeOffset now)
    {
        _cooldown.Prune(now);
        var accepted = new List<Alert>();
        foreach (var alert in alerts)
        {
            if (!_cooldown.TryEnter(alert.VideoId, alert.Rule, now))
            {
                continue;
            }

            _state.History.Add(new AlertRecord
            {
                Alert = alert,
                Deliveries = _state.Subscriptions.Select(s => new AlertDelivery { SubscriptionId = s.Id, State = AlertDeliveryState.Pending }).ToList(),
            });
            foreach (var subscription in _state.Subscriptions)
            {
                _state.Outbox.Add(new PendingDelivery { Alert = alert, SubscriptionId = subscription.Id, NextAttemptAt = now });
            }

            accepted.Add(alert);
        }

        if (_state.History.Count > _options.HistorySize)
        {
            _state.History.RemoveRange(0, _state.History.Count - _options.HistorySize);
        }

        while (_state.Outbox.Count > _options.Delivery.MaxPending)
        {
            var oldest = _state.Outbox.MinBy(d => d.Alert.FiredAt)!;
            _state.Outbox.Remove(oldest);
            Record(oldest, d => d with { State = AlertDeliveryState.Failed, LastError = "given up: the outbox was full" });
        }

        return accepted;
    }

    /// <summary>The deliveries due at <paramref name="now"/>, the longest waiting first, at most <paramref name="limit"/>.</summary>
    public List<PendingDelivery> Due(DateTimeOffset now, int limit) =>
        _state.Outbox.Where(d => d.NextAttemptAt <= now).OrderBy(d => d.NextAttemptAt).Take(limit).ToList();

    public WebhookSubscription? Subscription(string id) => _state.Subscriptions.Find(s => s.Id == id);

    /// <summary>The receiver took it: out of the outbox. Ignored for a delivery no longer there (unsubscribed meanwhile).</summary>
    public void Delivered(PendingDelivery delivery, DateTimeOffset now)
    {
        if (!_state.Outbox.Remove(delivery))
        {
            return;
        }

        delivery.Attempts++;
        Record(delivery, d => d with
        {
            State = AlertDeliveryState.Delivered,
            Attempts = delivery.Attempts,
            LastAttemptAt = now,
            DeliveredAt = now,
            LastError = null,
        });
    }

    /// <summary>
    /// An attempt failed: tried again on the backoff schedule, or given up when <paramref name="permanent"/> (the
    /// receiver refused it) or the alert is older than <see cref="AlertDeliveryOptions.GiveUpAfter"/>.
    /// </summary>
    public void Failed(PendingDelivery delivery, DateTimeOffset now, string error, bool permanent)
    {
        if (!_state.Outbox.Contains(delivery))
        {
            return;
        }

        delivery.Attempts++;
        delivery.LastAttemptAt = now;
        delivery.LastError = error;
        var next = permanent ? null : _backoff.Next(delivery.Attempts, delivery.Alert.FiredAt, now);
        if (next is { } at)
        {
            delivery.NextAttemptAt = at;
        }
        else
        {
            _state.Outbox.Remove(delivery);
        }

        Record(delivery, d => d with
        {
            State = next is null ? AlertDeliveryState.Failed : AlertDeliveryState.Pending,
            Attempts = delivery.Attempts,
            LastAttemptAt = now,
            LastError = error,
        });
    }

    public WebhookSubscription Subscribe(Uri url, string? description, DateTimeOffset now)
    {
        if (_state.Subscriptions.Count >= _options.MaxSubscriptions)
        {
            throw new InvalidOperationException($"There are {_state.Subscriptions.Count} subscriptions already, the most {AlertOptions.SectionName}:MaxSubscriptions allows.");
        }

        var subscription = new WebhookSubscription
        {
            Id = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8)),
            Url = url.AbsoluteUri,
            Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
            CreatedAt = now,
            Secret = WebhookSignature.NewSecret(),
        };
        _state.Subscriptions.Add(subscription);
        return subscription;
    }

    /// <summary>Removes the subscription and its waiting deliveries (shown failed in the history).</summary>
    public bool Unsubscribe(string id)
    {
        if (_state.Subscriptions.RemoveAll(s => s.Id == id) == 0)
        {
            return false;
        }

        foreach (var delivery in _state.Outbox.Where(d => d.SubscriptionId == id).ToList())
        {
            _state.Outbox.Remove(delivery);
            Record(delivery, d => d with { State = AlertDeliveryState.Failed, LastError = "the subscription was removed" });
        }

        return true;
    }

    /// <summary>The newest alerts first, of one video when <paramref name="videoId"/> is given.</summary>
    public List<AlertRecord> Recent(int limit, string? videoId)
    {
        var recent = new List<AlertRecord>(Math.Min(limit, _state.History.Count));
        for (var i = _state.History.Count - 1; i >= 0 && recent.Count < limit; i--)
        {
            var record = _state.History[i];
            if (videoId is null || record.Alert.VideoId == videoId)
            {
                recent.Add(record);
            }
        }

        return recent;
    }

    /// <summary>Updates the delivery's line in its alert's history entry, when the alert is still in the history.</summary>
    private void Record(PendingDelivery delivery, Func<AlertDelivery, AlertDelivery> change)
    {
        var index = _state.History.FindLastIndex(r => r.Alert.Id == delivery.Alert.Id);
        if (index < 0)
        {
            return;
        }

        var record = _state.History[index];
        _state.History[index] = record with
        {
            Deliveries = record.Deliveries.Select(d => d.SubscriptionId == delivery.SubscriptionId ? change(d) : d).ToList(),
        };
    }
}
