namespace Insights.Lake.Tests.Support;

using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

internal static class TestSerializer
{
    /// <summary>The Orleans grain state serializer as the silo builds it, without a silo.</summary>
    public static IGrainStorageSerializer Create()
    {
        var serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();
        return new OrleansGrainStorageSerializer(serializer);
    }
}
