namespace Insights.Api.Tests.Alerts;

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Insights.Alerts;

/// <summary>
/// Alerts end to end: comments through the API, the video grain's rules on its flush, the alerts grain's outbox, and
/// a webhook receiver on Kestrel in this process that checks every delivery's signature itself.
/// </summary>
[Collection(AlertsApiCollection.Name)]
public sealed class AlertDeliveryTests(AlertsApiFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_sentiment_swing_reaches_the_webhook_once_signed_and_stays_in_the_history()
    {
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        var subscription = await SubscribeAsync(receiver.Url);
        var video = NewVideo("swing");
        try
        {
            await SwingAsync(video);

            var delivery = await ReceivedForAsync(receiver, video);
            var alert = Verify(delivery, subscription.Secret);
            Assert.Equal(AlertRule.SentimentSwing, alert.Rule);
            Assert.Equal(video, alert.VideoId);
            Assert.True(alert.Value < 0 && alert.Baseline > 0, $"5-minute score {alert.Value}, hour {alert.Baseline}");
            Assert.Contains("Sentiment swing", alert.Text, StringComparison.Ordinal);
            Assert.Equal(alert.Id, delivery.DeliveryId);
            Assert.Equal("application/json", delivery.ContentType?.Split(';')[0]);

            // More of the same keeps the rule holding: the cool-down lets no second alert through.
            await PostAsync(Comments(video, "late", 6, "awful, I hate this, terrible", DateTimeOffset.UtcNow));
            await WaitForCommentsAsync(video, 6 + 12 + 6);
            // (Twelve negative comments in 5 minutes may also fire the negative share rule: another rule, another alert.)
            var history = await HistoryAsync(video);
            var record = Assert.Single(history, r => r.Alert.Rule == AlertRule.SentimentSwing);
            Assert.Equal(alert.Id, record.Alert.Id);
            var line = Assert.Single(record.Deliveries, d => d.SubscriptionId == subscription.Subscription.Id);
            Assert.Equal(AlertDeliveryState.Delivered, line.State);
            Assert.Equal(1, line.Attempts);
            Assert.Single(receiver.Received, r => Payload(r) is { Rule: AlertRule.SentimentSwing } p && p.VideoId == video);
        }
        finally
        {
            await UnsubscribeAsync(subscription.Subscription.Id);
        }
    }

    [Fact]
    public async Task An_alert_fired_while_the_receiver_is_down_arrives_once_it_is_back_even_across_a_silo_restart()
    {
        await using var receiver = new WebhookReceiver(); // not started: nothing listens on its port
        var subscription = await SubscribeAsync(receiver.Url);
        var video = NewVideo("down");
        try
        {
            await SwingAsync(video);

            // Down for a while: the outbox has failed to deliver more than once and keeps it pending.
            var failing = await WaitForAsync(async () =>
            {
                var line = (await HistoryAsync(video)).SingleOrDefault()?.Deliveries.SingleOrDefault(d => d.SubscriptionId == subscription.Subscription.Id);
                return line is { State: AlertDeliveryState.Pending, Attempts: >= 2 } ? line : null;
            }, "failed attempts while the receiver is down");
            Assert.NotNull(failing.LastError);

            // The outbox is grain state: a restart of the silo (and the API) keeps it.
            await fixture.RestartAsync();
            await receiver.StartAsync();

            var delivery = await ReceivedForAsync(receiver, video);
            var alert = Verify(delivery, subscription.Secret);
            Assert.Equal(video, alert.VideoId);
            var delivered = await WaitForAsync(async () =>
            {
                var line = (await HistoryAsync(video)).Single().Deliveries.Single(d => d.SubscriptionId == subscription.Subscription.Id);
                return line.State == AlertDeliveryState.Delivered ? line : null;
            }, "the delivery to be recorded");
            Assert.True(delivered.Attempts > failing.Attempts);
            Assert.Single(receiver.Received, r => Payload(r).VideoId == video);
        }
        finally
        {
            await UnsubscribeAsync(subscription.Subscription.Id);
        }
    }

    /// <summary>The receiver's check, written out as the README tells receivers to do it.</summary>
    private static Alert Verify(ReceivedWebhook delivery, string secret)
    {
        var parts = delivery.Signature!.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var timestamp = long.Parse(parts["t"], CultureInfo.InvariantCulture);
        Assert.InRange(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - timestamp, -60, 300);
        var signed = Encoding.ASCII.GetBytes(parts["t"] + ".").Concat(delivery.Body).ToArray();
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        Assert.True(CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(parts["v1"])), "the signature does not match the body");

        using var json = JsonDocument.Parse(delivery.Body);
        Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("text").GetString()));
        return Payload(delivery);
    }

    private static Alert Payload(ReceivedWebhook delivery) => JsonSerializer.Deserialize<Alert>(delivery.Body, Json.Options)!;

    /// <summary>Twelve positive comments half an hour ago, then six negative ones now: the 5-minute score swings below the hour's.</summary>
    private async Task SwingAsync(string video)
    {
        var now = DateTimeOffset.UtcNow;
        await PostAsync(Comments(video, "before", 12, "I love this, amazing and wonderful", now.AddMinutes(-30)));
        await PostAsync(Comments(video, "now", 6, "this is terrible, awful, I hate it", now.AddSeconds(-20)));
    }

    private static string NewVideo(string name) => $"alerts-{name}-{Guid.NewGuid():N}"[..32];

    private static string Comments(string video, string prefix, int count, string text, DateTimeOffset at) =>
        "[" + string.Join(",", Enumerable.Range(0, count).Select(i =>
            $$"""{"type":"comment","id":"{{video}}-{{prefix}}-{{i}}","video_id":"{{video}}","username":"fan{{i}}","text":"{{text}}","create_time":{{at.AddSeconds(i).ToUnixTimeSeconds()}}}""")) + "]";

    private async Task PostAsync(string events)
    {
        var response = await fixture.Client.PostAsync("/api/events", Json.Body(events));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<CreatedAlertSubscription> SubscribeAsync(string url)
    {
        using var client = ApiFixture.CreateClient(fixture.Factory, ApiFixture.AlertsKey);
        var response = await client.PostAsJsonAsync("/api/alerts/subscriptions", new { url, description = "test receiver" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Read<CreatedAlertSubscription>();
        Assert.StartsWith("whsec_", created.Secret, StringComparison.Ordinal);
        return created;
    }

    private async Task UnsubscribeAsync(string id)
    {
        using var client = ApiFixture.CreateClient(fixture.Factory, ApiFixture.AlertsKey);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/alerts/subscriptions/{id}")).StatusCode);
    }

    private async Task<List<AlertRecord>> HistoryAsync(string video) =>
        await (await fixture.Client.GetAsync($"/api/alerts?videoId={video}")).Read<List<AlertRecord>>();

    private async Task WaitForCommentsAsync(string video, long comments)
    {
        await WaitForAsync(async () =>
        {
            using var json = JsonDocument.Parse(await fixture.Client.GetStringAsync($"/api/videos/{video}"));
            return json.RootElement.GetProperty("totals").GetProperty("comments").GetInt64() == comments ? "" : null;
        }, $"{comments} comments on {video}");
        // Once the stats hold them, the next flushes (every second here) evaluate the rules on them.
        await Task.Delay(TimeSpan.FromSeconds(3));
    }

    private static async Task<ReceivedWebhook> ReceivedForAsync(WebhookReceiver receiver, string video) =>
        await WaitForAsync(() => Task.FromResult(receiver.Received.FirstOrDefault(r => Payload(r).VideoId == video)), $"a delivery for {video}");

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, string what)
        where T : class
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(100);
        }
    }
}
