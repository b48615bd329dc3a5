namespace Insights.Streaming.Tests.Support;

using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

/// <summary>Orleans' serializer outside a silo, knowing the provider's and the tests' types.</summary>
public static class TestSerialization
{
    private static readonly Lazy<ServiceProvider> Services = new(() => new ServiceCollection()
        .AddSerializer(b => b
            .AddAssembly(typeof(Insights.Streaming.AzureQueues.VideoQueueDataAdapter).Assembly)
            .AddAssembly(typeof(Orleans.Streaming.EventHubs.EventHubBatchContainer).Assembly)
            .AddAssembly(typeof(Insights.Events.QuarantinedMessage).Assembly)
            .AddAssembly(typeof(TestSerialization).Assembly))
        .BuildServiceProvider());

    public static Serializer Serializer => Services.Value.GetRequiredService<Serializer>();
}
