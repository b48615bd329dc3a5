namespace Insights.Streaming.Tests.EventHubs;

using Confluent.Kafka;
using Insights.Streaming.EventHubs;

public class EventHubsOptionsTests
{
    private const string Section = "Insights:Streams:EventHubs";
    private const string ConnectionString = "Endpoint=sb://insights-ns.servicebus.windows.net/;SharedAccessKeyName=listen-send;SharedAccessKey=c2VjcmV0";

    private static EventHubsStreamOptions Valid() => new()
    {
        BootstrapServers = "insights-ns.servicebus.windows.net:9093",
        ConnectionString = ConnectionString,
    };

    [Fact]
    public void Defaults_are_event_hubs_over_sasl_ssl_from_the_earliest_offset()
    {
        var o = new EventHubsStreamOptions();

        Assert.Equal(("SaslSsl", "video-events", "$Default", 4, "Earliest", 500), (o.SecurityProtocol, o.Topic, o.ConsumerGroup, o.Partitions, o.StartFrom, o.MaxMessagesPerRead));
        Assert.Equal(TimeSpan.FromSeconds(30), o.CommitInterval);
        Valid().Validate(Section);
    }

    [Theory]
    [InlineData("BootstrapServers")]
    [InlineData("ConnectionString")]
    [InlineData("SecurityProtocol")]
    [InlineData("Topic")]
    [InlineData("ConsumerGroup")]
    [InlineData("Partitions")]
    [InlineData("StartFrom")]
    [InlineData("MaxMessagesPerRead")]
    [InlineData("CommitInterval")]
    public void Validate_names_the_offending_key(string key)
    {
        var o = Valid();
        switch (key)
        {
            case "BootstrapServers": o.BootstrapServers = " "; break;
            case "ConnectionString": o.ConnectionString = "SharedAccessKey=only-a-key"; break;
            case "SecurityProtocol": o.SecurityProtocol = "Ssl"; break;
            case "Topic": o.Topic = "video events"; break;
            case "ConsumerGroup": o.ConsumerGroup = ""; break;
            case "Partitions": o.Partitions = 0; break;
            case "StartFrom": o.StartFrom = "Yesterday"; break;
            case "MaxMessagesPerRead": o.MaxMessagesPerRead = 0; break;
            case "CommitInterval": o.CommitInterval = TimeSpan.Zero; break;
        }

        var ex = Assert.Throws<InvalidOperationException>(() => o.Validate(Section));
        Assert.StartsWith($"{Section}:{key} ", ex.Message);
    }

    [Fact]
    public void A_missing_or_wrong_connection_string_is_refused_without_echoing_it()
    {
        var missing = Valid();
        missing.ConnectionString = null;
        Assert.Contains("ConnectionString is required", Assert.Throws<InvalidOperationException>(() => missing.Validate(Section)).Message);

        var wrong = Valid();
        wrong.ConnectionString = "Endpoint=sb://x/;Password=<never-echoed-value>";
        Assert.DoesNotContain("never-echoed-value", Assert.Throws<InvalidOperationException>(() => wrong.Validate(Section)).Message);
    }

    [Fact]
    public void Plaintext_needs_no_connection_string()
    {
        var o = new EventHubsStreamOptions { BootstrapServers = "localhost:9092", SecurityProtocol = "plaintext", StartFrom = "latest" };

        o.Validate(Section);
        Assert.False(o.UsesSasl);
        Assert.False(o.StartsFromEarliest);
    }

    [Fact]
    public void Consumer_config_logs_in_to_event_hubs_and_never_commits_by_itself()
    {
        var o = Valid();
        o.ConsumerGroup = "insights-silo";

        var c = EventHubsKafkaConfig.Consumer(o, "client-1");

        Assert.Equal("insights-ns.servicebus.windows.net:9093", c.BootstrapServers);
        Assert.Equal(SecurityProtocol.SaslSsl, c.SecurityProtocol);
        Assert.Equal(SaslMechanism.Plain, c.SaslMechanism);
        Assert.Equal("$ConnectionString", c.SaslUsername);
        Assert.Equal(ConnectionString, c.SaslPassword);
        Assert.Equal("insights-silo", c.GroupId);
        Assert.False(c.EnableAutoCommit);
        Assert.False(c.EnableAutoOffsetStore);
        Assert.Equal(AutoOffsetReset.Earliest, c.AutoOffsetReset);
        Assert.Equal("client-1", c.ClientId);
        Assert.True(c.SocketKeepaliveEnable);
        Assert.Equal(180_000, c.MetadataMaxAgeMs);
        Assert.Equal(180_000, c.ConnectionsMaxIdleMs);
        Assert.Equal("false", c.Get("enable.auto.commit"), ignoreCase: true);
        Assert.Equal("sasl_ssl", c.Get("security.protocol"), ignoreCase: true);
    }

    [Fact]
    public void Producer_config_logs_in_the_same_way_and_partitions_like_the_java_client()
    {
        var p = EventHubsKafkaConfig.Producer(Valid(), "api");

        Assert.Equal(SecurityProtocol.SaslSsl, p.SecurityProtocol);
        Assert.Equal(SaslMechanism.Plain, p.SaslMechanism);
        Assert.Equal("$ConnectionString", p.SaslUsername);
        Assert.Equal(ConnectionString, p.SaslPassword);
        Assert.Equal(Partitioner.Murmur2Random, p.Partitioner);
        Assert.Equal(Acks.All, p.Acks);
        Assert.True(p.MessageMaxBytes < 1_046_528);
        Assert.True(p.RequestTimeoutMs >= 20_000);
    }

    [Fact]
    public void Plaintext_config_sets_no_credentials_and_latest_start()
    {
        var o = new EventHubsStreamOptions { BootstrapServers = "localhost:9092", SecurityProtocol = "Plaintext", StartFrom = "Latest" };

        var c = EventHubsKafkaConfig.Consumer(o, "c");

        Assert.Equal(SecurityProtocol.Plaintext, c.SecurityProtocol);
        Assert.Null(c.SaslUsername);
        Assert.Null(c.SaslPassword);
        Assert.Equal(AutoOffsetReset.Latest, c.AutoOffsetReset);
    }
}
