namespace Insights.Streaming.Tests.AzureQueues;

using Insights.Streaming.AzureQueues;
using Microsoft.Extensions.Options;
using Orleans.Streams;
using Orleans.TestingHost;

public sealed class AzureQueueStreamExtensionsTests
{
    private static AzureQueueStreamOptions Options => new() { ConnectionString = "UseDevelopmentStorage=true" };

    [Fact]
    public async Task A_silo_asking_for_consumer_batches_of_several_containers_refuses_to_start()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddInsightsAzureQueueStreams("aq", Options, 2,
            b =>
            {
                b.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
                b.ConfigurePullingAgent(agent => agent.Configure(o => o.BatchContainerBatchSize = 100));
            }));
        var cluster = builder.Build();
        try
        {
            var error = await Assert.ThrowsAsync<OptionsValidationException>(cluster.DeployAsync);
            Assert.Contains("BatchContainerBatchSize", error.Message);
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }
}
