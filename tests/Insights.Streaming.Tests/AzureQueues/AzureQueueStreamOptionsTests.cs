namespace Insights.Streaming.Tests.AzureQueues;

using Insights.Streaming.AzureQueues;

public sealed class AzureQueueStreamOptionsTests
{
    private const string Section = "Insights:Streams:AzureQueue";

    [Fact]
    public void Defaults_with_a_connection_string_are_valid()
    {
        var options = new AzureQueueStreamOptions { ConnectionString = "UseDevelopmentStorage=true" };
        options.Validate(Section);
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
        var error = Assert.Throws<InvalidOperationException>(() => options.Validate(Section));
        Assert.Contains($"{Section}:{key}", error.Message);
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
        var error = Assert.Throws<InvalidOperationException>(() => options.Validate(Section));
        Assert.Contains($"{Section}:QueuePrefix", error.Message);
    }

    [Theory]
    [InlineData(nameof(AzureQueueStreamOptions.VisibilityTimeout))]
    [InlineData(nameof(AzureQueueStreamOptions.MaxDeliveryFailures))]
    public void Out_of_range_settings_are_refused_by_name(string key)
    {
        var options = new AzureQueueStreamOptions { ConnectionString = "UseDevelopmentStorage=true" };
        switch (key)
        {
            case nameof(AzureQueueStreamOptions.VisibilityTimeout):
                options.VisibilityTimeout = TimeSpan.FromMilliseconds(500);
                break;
            default:
                options.MaxDeliveryFailures = 0;
                break;
        }

        var error = Assert.Throws<InvalidOperationException>(() => options.Validate(Section));
        Assert.Contains($"{Section}:{key}", error.Message);
    }
}
