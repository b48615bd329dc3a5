namespace Insights.Benchmarks.Tests.Durable;

using Insights.Benchmarks.Durable;
using Insights.Testing;

/// <summary>
/// The durable benchmark's Event Hubs run on a small workload: the silo wired for Event Hubs as a deployment is, the
/// in-process hub behind the provider, Azurite for checkpoints and grain state; every comment counted once.
/// </summary>
public sealed class DurablePipelineRunTests : IAsyncLifetime
{
    private readonly AzuriteServer _azurite = new();

    public Task InitializeAsync() => _azurite.InitializeAsync();

    public Task DisposeAsync() => _azurite.DisposeAsync();

    [Fact]
    public async Task Event_hubs_through_the_in_process_hub_counts_every_comment_once()
    {
        var options = new BenchmarkOptions { Comments = 3_000, Videos = 20, Producers = 2 };
        var workload = Workload.Create(options);
        var hub = new InProcessEventHub(4);
        await using var run = new DurablePipelineRun(options, new Dictionary<string, string?>
        {
            ["Insights:Streams:Provider"] = "EventHubs",
            ["Insights:Streams:EventHubs:ConnectionString"] = "Endpoint=sb://in-process.invalid/;SharedAccessKeyName=test;SharedAccessKey=none",
            ["Insights:Streams:EventHubs:Checkpoint:ConnectionString"] = _azurite.ConnectionString,
            ["Insights:Storage:Provider"] = "AzureBlob",
            ["Insights:Storage:AzureBlob:ConnectionString"] = _azurite.ConnectionString,
            ["Insights:Storage:AzureBlob:Container"] = "test-eventhubs",
        }, services => InProcessHubAdapterFactory.Replace(services, hub));
        await run.StartAsync();

        var result = await run.RunAsync(workload, workload.Partitioned(options.Producers));

        Assert.Equal(workload.DistinctComments, result.Counted);
        // Re-sent comments are set aside, never counted; a redelivery (at-least-once) would only add to them.
        Assert.True(result.Duplicates >= workload.Events - workload.DistinctComments, $"{result.Duplicates} duplicates");
        Assert.Equal(result.Messages, hub.Count); // every publish went through the in-process hub
    }
}
