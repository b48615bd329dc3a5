namespace Insights.Generator.Tests;

public class KafkaSinkCommandLineTests
{
    private const string Connection = "Endpoint=sb://insights-ns.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=c2VjcmV0";

    private static Func<string, string?> Env(string? connection) =>
        name => name == KafkaEventSinkOptions.ConnectionEnvironmentVariable ? connection : null;

    [Fact]
    public void The_api_stays_the_default_sink_and_only_out_sends_nothing()
    {
        Assert.Equal(GeneratorSink.Http, GeneratorCommandLine.Parse([]).Sink);
        Assert.Equal(GeneratorSink.Http, GeneratorCommandLine.Parse(["--sink", "http"]).Sink);
        Assert.Equal(GeneratorSink.None, GeneratorCommandLine.Parse(["--out", "e.jsonl"]).Sink);
    }

    [Fact]
    public void Eventhubs_takes_its_endpoint_and_topic_and_no_api()
    {
        var cl = GeneratorCommandLine.Parse(["--sink", "eventhubs", "--bootstrap", "ns.servicebus.windows.net:9093", "--topic=events-2"]);

        Assert.Equal(GeneratorSink.EventHubs, cl.Sink);
        Assert.Null(cl.Api);
        Assert.Equal(("ns.servicebus.windows.net:9093", "events-2", false), (cl.Bootstrap, cl.Topic, cl.KafkaPlaintext));
        Assert.Equal("video-events", GeneratorCommandLine.Parse(["--sink", "eventhubs"]).Topic);
    }

    [Theory]
    [InlineData("--sink eventhubs --api http://localhost:5080", "--api applies to --sink http only.")]
    [InlineData("--bootstrap localhost:9092", "--bootstrap applies to --sink eventhubs only.")]
    [InlineData("--sink http --plaintext", "--plaintext applies to --sink eventhubs only.")]
    [InlineData("--sink kafka", "--sink: 'kafka' is not http or eventhubs.")]
    public void Mismatched_flags_are_refused(string args, string message) =>
        Assert.Equal(message, Assert.Throws<ArgumentException>(() => GeneratorCommandLine.Parse(args.Split(' '))).Message);

    [Fact]
    public void The_connection_string_comes_from_the_environment_and_gives_the_endpoint()
    {
        var options = KafkaEventSinkOptions.From(GeneratorCommandLine.Parse(["--sink", "eventhubs"]), Env(Connection));

        Assert.Equal(("insights-ns.servicebus.windows.net:9093", Connection, false, "video-events"),
            (options.BootstrapServers, options.ConnectionString, options.Plaintext, options.Topic));
    }

    [Fact]
    public void A_given_endpoint_wins_over_the_connection_string()
    {
        var options = KafkaEventSinkOptions.From(GeneratorCommandLine.Parse(["--sink", "eventhubs", "--bootstrap", "other:9093"]), Env(Connection));

        Assert.Equal("other:9093", options.BootstrapServers);
    }

    [Fact]
    public void Without_the_connection_string_the_run_is_refused_naming_the_variable()
    {
        var ex = Assert.Throws<ArgumentException>(() => KafkaEventSinkOptions.From(GeneratorCommandLine.Parse(["--sink", "eventhubs", "--bootstrap", "b:9093"]), Env(null)));

        Assert.Contains("INSIGHTS_EVENTHUBS_CONNECTION", ex.Message);
    }

    [Fact]
    public void A_local_kafka_needs_an_endpoint_and_no_secret()
    {
        var options = KafkaEventSinkOptions.From(GeneratorCommandLine.Parse(["--sink", "eventhubs", "--plaintext", "--bootstrap", "localhost:9092"]), Env(Connection));

        Assert.Equal(("localhost:9092", null, true), (options.BootstrapServers, options.ConnectionString, options.Plaintext));
        Assert.Throws<ArgumentException>(() => KafkaEventSinkOptions.From(GeneratorCommandLine.Parse(["--sink", "eventhubs", "--plaintext"]), Env(null)));
    }

    [Fact]
    public void The_usage_tells_how_to_reach_event_hubs()
    {
        Assert.Contains("--sink http|eventhubs", GeneratorCommandLine.Usage);
        Assert.Contains("INSIGHTS_EVENTHUBS_CONNECTION", GeneratorCommandLine.Usage);
    }
}
