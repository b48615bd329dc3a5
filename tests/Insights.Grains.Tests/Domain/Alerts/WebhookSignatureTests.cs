namespace Insights.Grains.Tests.Domain.Alerts;

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Insights.Alerts;
using Insights.Grains.Domain.Alerts;
using static Insights.Grains.Tests.Domain.TestEvents;

public sealed class WebhookSignatureTests
{
    [Fact]
    public void The_signature_is_hmac_sha256_of_the_timestamp_a_dot_and_the_body_keyed_by_the_secret()
    {
        var body = "{\"text\":\"hello\"}"u8.ToArray();

        var header = WebhookSignature.Sign("whsec_test", 1_700_000_000, body);

        // Computed here as a receiver would, from the documented format.
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData("whsec_test"u8, Encoding.ASCII.GetBytes("1700000000.").Concat(body).ToArray()));
        Assert.Equal($"t=1700000000,v1={expected}", header);
        Assert.NotEqual(header, WebhookSignature.Sign("whsec_other", 1_700_000_000, body));
        Assert.NotEqual(header, WebhookSignature.Sign("whsec_test", 1_700_000_001, body));
    }

    [Fact]
    public void Secrets_are_random_and_url_safe()
    {
        var secrets = Enumerable.Range(0, 20).Select(_ => WebhookSignature.NewSecret()).ToList();
        Assert.Equal(20, secrets.Distinct().Count());
        Assert.All(secrets, s => Assert.Matches("^whsec_[A-Za-z0-9_-]{43}$", s));
    }

    [Fact]
    public void The_payload_is_camel_case_json_with_a_text_field_for_slack_and_teams()
    {
        var alert = new Alert
        {
            Id = "a1", Rule = AlertRule.VelocitySpike, VideoId = "v1", Username = "ana", FiredAt = T0, Value = 5, Baseline = 0.2, Threshold = 4, Comments = 25,
            Text = "Comment spike on @ana's video",
        };

        using var json = JsonDocument.Parse(AlertPayload.Serialize(alert));
        var root = json.RootElement;
        Assert.Equal("Comment spike on @ana's video", root.GetProperty("text").GetString());
        Assert.Equal("velocitySpike", root.GetProperty("rule").GetString());
        Assert.Equal("v1", root.GetProperty("videoId").GetString());
        Assert.Equal(T0, root.GetProperty("firedAt").GetDateTimeOffset());
        Assert.Equal(25, root.GetProperty("comments").GetInt64());
    }

    [Theory]
    [InlineData("https://hooks.slack.com/services/T/B/X", true)]
    [InlineData("http://10.0.0.5:8080/alerts", true)]
    [InlineData("ftp://example.com/hook", false)]
    [InlineData("/relative/hook", false)]
    [InlineData("https://user:pass@example.com/hook", false)]
    [InlineData("https://example.com/hook#part", false)]
    [InlineData("", false)]
    public void Subscription_urls_are_absolute_http_or_https_without_credentials(string url, bool valid)
    {
        Assert.Equal(valid, WebhookUrl.TryParse(url, out var parsed, out var error));
        Assert.Equal(valid, parsed is not null);
        Assert.Equal(valid, error is null);
    }
}
