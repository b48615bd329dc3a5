namespace Insights.Silo.Storage;

using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Orleans.Storage;

public static class GrainStateSerializerOptionsExtensions
{
    /// <summary>
    /// State in Orleans' binary format (<see cref="OrleansGrainStorageSerializer"/>) instead of the silo's JSON default:
    /// the format every state file and blob Insights has written holds, so existing state keeps reading, and the
    /// <c>[GenerateSerializer]</c>/<c>[Id]</c> attributes on state types already make it version tolerant.
    /// </summary>
    public static OptionsBuilder<TOptions> UseOrleansBinaryGrainState<TOptions>(this OptionsBuilder<TOptions> builder)
        where TOptions : class, IStorageProviderSerializerOptions =>
        builder.Configure<Serializer>((options, serializer) => options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
}
