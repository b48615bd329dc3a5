namespace Insights.Grains.Tests.Domain.Alerts;

using Insights.Alerts;
using Insights.Grains.Domain.Alerts;
using static Insights.Grains.Tests.Domain.TestEvents;

public sealed class AlertBookTests
{
    private static readonly AlertOptions Options = new()
    {
        Cooldown = TimeSpan.FromMinutes(15),
        HistorySize = 3,
        MaxSubscriptions = 2,
        Delivery = new AlertDeliveryOptions { FirstRetryDelay = TimeSpan.FromSeconds(1), MaxRetryDelay = TimeSpan.FromSeconds(4), GiveUpAfter = TimeSpan.FromHours(1), MaxPending = 4 },
    };

    private static Alert NewAlert(string video, AlertRule rule = AlertRule.SentimentSwing, DateTimeOffset? at = null) =>
        new() { Id = Guid.NewGuid().ToString("N"), VideoId = video, Rule = rule, FiredAt = at ?? T0, Text = $"{rule} on {video}" };

    private static (AlertBook Book, AlertsState State, WebhookSubscription A, WebhookSubscription B) WithTwoSubscriptions()
    {
        var state = new AlertsState();
        var book = new AlertBook(state, Options);
        var a = book.Subscribe(new Uri("https://a.example/hook"), " team A ", T0);
        var b = book.Subscribe(new Uri("http://b.example:8080/hook"), null, T0);
        return (book, state, a, b);
    }

    [Fact]
    public void An_accepted_alert_is_in_the_history_and_due_now_for_every_subscription()
    {
        var (book, state, a, b) = WithTwoSubscriptions();
        var alert = NewAlert("v1");

        Assert.Equal([alert], book.Accept([alert], T0));

        var due = book.Due(T0, 10);
        Assert.Equal(new[] { a.Id, b.Id }.Order(StringComparer.Ordinal), due.Select(d => d.SubscriptionId).Order(StringComparer.Ordinal));
        Assert.All(due, d => Assert.Same(alert, d.Alert));
        var record = Assert.Single(book.Recent(10, null));
        Assert.All(record.Deliveries, d => Assert.Equal(AlertDeliveryState.Pending, d.State));
        Assert.Equal("team A", a.Description);
        Assert.StartsWith(WebhookSignature.SecretPrefix, a.Secret, StringComparison.Ordinal);
        Assert.NotEqual(a.Secret, b.Secret);
        Assert.Equal(2, state.Outbox.Count);
    }

    [Fact]
    public void The_cooldown_keeps_a_second_alert_of_the_same_video_and_rule_out()
    {
        var (book, _, _, _) = WithTwoSubscriptions();
        book.Accept([NewAlert("v1")], T0);

        Assert.Empty(book.Accept([NewAlert("v1")], T0.AddMinutes(10)));
        Assert.Single(book.Accept([NewAlert("v1", AlertRule.NegativeShare)], T0.AddMinutes(10)));
        Assert.Single(book.Accept([NewAlert("v1")], T0.AddMinutes(15)));
        Assert.Equal(3, book.Recent(10, "v1").Count);
    }

    [Fact]
    public void A_failed_delivery_waits_on_the_backoff_then_is_delivered_and_recorded()
    {
        var (book, state, a, _) = WithTwoSubscriptions();
        var alert = NewAlert("v1");
        book.Accept([alert], T0);
        var delivery = book.Due(T0, 10).Single(d => d.SubscriptionId == a.Id);

        book.Failed(delivery, T0, "connection refused", permanent: false);
        book.Failed(delivery, T0.AddSeconds(1), "connection refused", permanent: false);
        Assert.Equal(T0.AddSeconds(3), delivery.NextAttemptAt);
        Assert.DoesNotContain(delivery, book.Due(T0.AddSeconds(2), 10));
        Assert.Contains(delivery, book.Due(T0.AddSeconds(3), 10));
        var pending = book.Recent(1, null)[0].Deliveries.Single(d => d.SubscriptionId == a.Id);
        Assert.Equal((AlertDeliveryState.Pending, 2, "connection refused"), (pending.State, pending.Attempts, pending.LastError));

        book.Delivered(delivery, T0.AddSeconds(3));
        var delivered = book.Recent(1, null)[0].Deliveries.Single(d => d.SubscriptionId == a.Id);
        Assert.Equal((AlertDeliveryState.Delivered, 3, T0.AddSeconds(3)), (delivered.State, delivered.Attempts, delivered.DeliveredAt));
        Assert.Single(state.Outbox);
    }

    [Fact]
    public void A_refused_or_too_old_delivery_is_given_up_and_shown_failed()
    {
        var (book, state, a, b) = WithTwoSubscriptions();
        book.Accept([NewAlert("v1")], T0);
        var due = book.Due(T0, 10);

        book.Failed(due.Single(d => d.SubscriptionId == a.Id), T0, "HTTP 404 Not Found", permanent: true);
        book.Failed(due.Single(d => d.SubscriptionId == b.Id), T0.AddHours(1), "HTTP 503", permanent: false);

        Assert.Empty(state.Outbox);
        Assert.All(book.Recent(1, null)[0].Deliveries, d => Assert.Equal(AlertDeliveryState.Failed, d.State));
    }

    [Fact]
    public void History_and_outbox_stay_within_their_bounds()
    {
        var (book, state, _, _) = WithTwoSubscriptions();
        for (var i = 0; i < 5; i++)
        {
            book.Accept([NewAlert("v" + i, at: T0.AddSeconds(i))], T0.AddSeconds(i));
        }

        Assert.Equal(["v4", "v3", "v2"], book.Recent(10, null).Select(r => r.Alert.VideoId).ToArray());
        Assert.Equal(4, state.Outbox.Count);
        Assert.Equal(["v3", "v4"], state.Outbox.Select(d => d.Alert.VideoId).Distinct().Order().ToArray());
        Assert.Equal(["v2"], book.Recent(2, "v2").Select(r => r.Alert.VideoId).ToArray());
    }

    [Fact]
    public void Unsubscribing_drops_its_waiting_deliveries_and_subscriptions_are_limited()
    {
        var (book, state, a, b) = WithTwoSubscriptions();
        Assert.Throws<InvalidOperationException>(() => book.Subscribe(new Uri("https://c.example/"), null, T0));
        book.Accept([NewAlert("v1")], T0);

        Assert.True(book.Unsubscribe(a.Id));
        Assert.False(book.Unsubscribe(a.Id));
        Assert.Equal([b.Id], state.Outbox.Select(d => d.SubscriptionId).ToArray());
        Assert.Equal(AlertDeliveryState.Failed, book.Recent(1, null)[0].Deliveries.Single(d => d.SubscriptionId == a.Id).State);
        Assert.Null(book.Subscription(a.Id));
        Assert.Single(book.Subscriptions);
    }

    [Fact]
    public void The_state_survives_grain_storage_serialization()
    {
        var (book, state, a, _) = WithTwoSubscriptions();
        book.Accept([NewAlert("v1")], T0);
        book.Failed(book.Due(T0, 10).First(), T0, "down", permanent: false);

        var copy = TestSerialization.Copy(state);

        Assert.Equal(state.Subscriptions.Select(s => (s.Id, s.Url, s.Secret)), copy.Subscriptions.Select(s => (s.Id, s.Url, s.Secret)));
        Assert.Equal(state.Outbox.Select(d => (d.Alert, d.SubscriptionId, d.Attempts, d.NextAttemptAt)), copy.Outbox.Select(d => (d.Alert, d.SubscriptionId, d.Attempts, d.NextAttemptAt)));
        Assert.Equal(state.History.Single().Alert, copy.History.Single().Alert);
        Assert.Equal(state.History.Single().Deliveries, copy.History.Single().Deliveries);
        Assert.Equal(state.LastFired, copy.LastFired);
        // The copy goes on with the cool-down as it was.
        Assert.Empty(new AlertBook(copy, Options).Accept([NewAlert("v1")], T0.AddMinutes(1)));
    }
}
