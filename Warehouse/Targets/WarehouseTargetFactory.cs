namespace Insights.Warehouse.Targets;

using Insights.Lake;
using Microsoft.Extensions.Options;

/// <summary>Opens a session on the configured warehouse. Tests put decorators here.</summary>
public interface IWarehouseTargetFactory
{
    IWarehouseTarget Create();
}

/// <summary>The target chosen by <c>Insights:Warehouse:Provider</c>.</summary>
public sealed class WarehouseTargetFactory(IOptions<WarehouseOptions> options, ILakeStore lake) : IWarehouseTargetFactory
{
    public IWarehouseTarget Create()
    {
        var o = options.Value;
        return o.Provider switch
        {
            WarehouseOptions.DuckDbProvider => new DuckDbWarehouseTarget(o.DuckDbPath, lake.Zone(LakeZone.Processed), o.TempPath, o.DuckDbFilesPerTransaction, o.DuckDbStorageVersion),
            WarehouseOptions.SynapseProvider => new SynapseWarehouseTarget(o.Synapse),
            _ => throw UnknownProvider(o.Provider),
        };
    }

    public static InvalidOperationException UnknownProvider(string provider) =>
        new($"{WarehouseOptions.SectionName}:Provider '{provider}' is not supported (use {WarehouseOptions.DuckDbProvider} or {WarehouseOptions.SynapseProvider}).");
}
