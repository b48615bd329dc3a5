namespace Insights.Streaming.Tests.EventHubs;

using Insights.ClusterHosting.Streams;
using Insights.Streaming.EventHubs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

public class EventHubsOptionsTests
{
    private const string Section = EventHubsStreamOptions.SectionName;
    private const string Connection = "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=listen;SharedAccessKey=not-a-key";

    private static EventHubsStreamOptions Valid() => new()
    {
        ConnectionString = Connection,
        Checkpoint = new EventHubsCheckpointOptions { ConnectionString = "UseDevelopmentStorage=true" },
    };

    private static ValidateOptionsResult Check(EventHubsStreamOptions options, bool reads) =>
        new EventHubsStreamOptionsValidator(reads).Validate(null, options);

    private static void Valid(EventHubsStreamOptions options, bool reads) =>
        Assert.True(Check(options, reads).Succeeded, Check(options, reads).FailureMessage);

    private static string Problem(EventHubsStreamOptions options, bool reads = true)
    {
        var result = Check(options, reads);
        Assert.True(result.Failed, "the options were accepted");
        return result.FailureMessage;
    }

    [Fact]
    public void A_connection_string_or_a_namespace_with_a_checkpoint_table_is_valid()
    {
        Valid(Valid(), reads: true);
        Valid(new EventHubsStreamOptions
        {
            FullyQualifiedNamespace = "ns.servicebus.windows.net",
            Checkpoint = new EventHubsCheckpointOptions { TableServiceUri = new Uri("https://acct.table.core.windows.net") },
        }, reads: true);

        // The API only publishes: it needs no checkpoint table.
        Valid(new EventHubsStreamOptions { ConnectionString = Connection }, reads: false);
    }

    [Fact]
    public void Each_problem_names_its_key()
    {
        Assert.Contains($"{Section}:ConnectionString", Problem(new EventHubsStreamOptions()));
        Assert.Contains($"{Section}:FullyQualifiedNamespace", Problem(new EventHubsStreamOptions()));
        Assert.Contains("both set", Problem(Set(o => o.FullyQualifiedNamespace = "ns.servicebus.windows.net")));
        Assert.Contains($"{Section}:Path", Problem(Set(o => o.Path = "bad/hub")));
        Assert.Contains($"{Section}:ConsumerGroup", Problem(Set(o => o.ConsumerGroup = " ")));
        Assert.Contains($"{Section}:StartFrom", Problem(Set(o => o.StartFrom = "Middle")));
        Assert.Contains($"{Section}:DataMinTimeInCache", Problem(Set(o => o.DataMinTimeInCache = TimeSpan.Zero)));
        Assert.Contains($"{Section}:Checkpoint:ConnectionString", Problem(Set(o => o.Checkpoint = new EventHubsCheckpointOptions())));
        Assert.Contains($"{Section}:Checkpoint:TableName", Problem(Set(o => o.Checkpoint.TableName = "no-dashes")));
        Assert.Contains($"{Section}:Checkpoint:PersistInterval", Problem(Set(o => o.Checkpoint.PersistInterval = TimeSpan.Zero)));
        Assert.Contains($"{Section}:FullyQualifiedNamespace", Problem(new EventHubsStreamOptions { FullyQualifiedNamespace = "not a host" }, reads: false));
    }

    [Fact]
    public void A_secret_is_never_echoed()
    {
        var message = Problem(new EventHubsStreamOptions { ConnectionString = "my-secret-value" }, reads: false);
        Assert.Contains($"{Section}:ConnectionString", message);
        Assert.DoesNotContain("my-secret-value", message);
    }

    [Fact]
    public void The_host_refuses_to_start_with_an_incomplete_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Insights:Streams:Provider"] = "EventHubs",
            [$"{Section}:ConnectionString"] = Connection,
        }).Build();

        var host = Host.CreateApplicationBuilder();
        var message = Assert.Throws<OptionsValidationException>(() => host.UseOrleans(silo => silo.AddInsightsStreams(configuration))).Message;
        Assert.Contains($"{Section}:Checkpoint", message);
    }

    [Fact]
    public void Messages_stay_cached_longer_than_their_deliveries_are_retried()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Insights:Streams:Provider"] = "EventHubs",
            ["Insights:Streams:MaxDeliveryTime"] = "00:10:00",
            [$"{Section}:ConnectionString"] = Connection,
            [$"{Section}:Checkpoint:ConnectionString"] = "UseDevelopmentStorage=true",
        }).Build();

        var host = Host.CreateApplicationBuilder();
        var message = Assert.Throws<OptionsValidationException>(() => host.UseOrleans(silo => silo.AddInsightsStreams(configuration))).Message;
        Assert.Contains($"{Section}:DataMinTimeInCache", message);
        Assert.Contains("Insights:Streams:MaxDeliveryTime", message);
    }

    private static EventHubsStreamOptions Set(Action<EventHubsStreamOptions> change)
    {
        var options = Valid();
        change(options);
        return options;
    }
}
