namespace Insights.Streaming.Tests.AzureQueues;

using Insights.ClusterHosting.Streams;
using Insights.Streaming.AzureQueues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

public sealed class AzureQueueStreamOptionsTests
{
    private const string Section = "Insights:Streams:AzureQueue";

    private static ValidateOptionsResult Check(AzureQueueStreamOptions options) => new AzureQueueStreamOptionsValidator().Validate(null, options);

    private static string Problem(AzureQueueStreamOptions options)
    {
        var result = Check(options);
        Assert.True(result.Failed, "the options were accepted");
        return result.FailureMessage;
    }

    [Fact]
    public void Defaults_with_a_connection_string_are_valid()
    {
        var options = new AzureQueueStreamOptions { ConnectionString = "UseDevelopmentStorage=true" };
        Assert.True(Check(options).Succeeded, Check(options).FailureMessage);
        Assert.Equal("insights-video", options.QueuePrefix);
        Assert.Equal(TimeSpan.FromMinutes(1), options.VisibilityTimeout);
        Assert.Equal(5, options.MaxDeliveryFailures);
    }

    [Theory]
    [InlineData(null, null, "ConnectionString")]
    [InlineData("UseDevelopmentStorage=true", "https://a.queue.core.windows.net", "ServiceUri")]
    public void Exactly_one_way_to_reach_the_account(string? connectionString, string? serviceUri, string key)
    {
        var options = new AzureQueueStreamOptions
        {
            ConnectionString = connectionString,
            ServiceUri = serviceUri is null ? null : new Uri(serviceUri),
        };
        Assert.Contains($"{Section}:{key}", Problem(options));
    }

    [Theory]
    [InlineData("Upper")]
    [InlineData("-lead")]
    [InlineData("trail-")]
    [InlineData("dou--ble")]
    [InlineData("under_score")]
    [InlineData("")]
    [InlineData("a123456789012345678901234567890123456789012345678901234567")]
    public void Queue_prefixes_that_would_make_invalid_queue_names_are_refused(string prefix)
    {
        var options = new AzureQueueStreamOptions { ServiceUri = new Uri("https://a.queue.core.windows.net"), QueuePrefix = prefix };
        Assert.Contains($"{Section}:QueuePrefix", Problem(options));
    }

    [Theory]
    [InlineData(nameof(AzureQueueStreamOptions.VisibilityTimeout))]
    [InlineData(nameof(AzureQueueStreamOptions.MaxDeliveryFailures))]
    [InlineData(nameof(AzureQueueStreamOptions.MaxIdlePollInterval))]
    public void Out_of_range_settings_are_refused_by_name(string key)
    {
        var options = new AzureQueueStreamOptions { ConnectionString = "UseDevelopmentStorage=true" };
        switch (key)
        {
            case nameof(AzureQueueStreamOptions.VisibilityTimeout):
                options.VisibilityTimeout = TimeSpan.FromMilliseconds(500);
                break;
            case nameof(AzureQueueStreamOptions.MaxIdlePollInterval):
                options.MaxIdlePollInterval = TimeSpan.FromMinutes(2);
                break;
            default:
                options.MaxDeliveryFailures = 0;
                break;
        }

        Assert.Contains($"{Section}:{key}", Problem(options));
    }

    [Fact]
    public void The_host_refuses_to_build_with_a_section_that_reaches_no_account()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Insights:Streams:Provider"] = "AzureQueue",
            [$"{Section}:QueuePrefix"] = "Bad_Prefix",
        }).Build();

        var host = Host.CreateApplicationBuilder();
        var message = Assert.Throws<OptionsValidationException>(() => host.UseOrleans(silo => silo.AddInsightsStreams(configuration))).Message;
        Assert.Contains($"{Section}:ConnectionString", message);
        Assert.Contains($"{Section}:QueuePrefix", message); // every problem at once, not the first only
    }
}
