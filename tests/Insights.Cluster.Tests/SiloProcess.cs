namespace Insights.Cluster.Tests;

/// <summary>
/// One silo as its own process (the Silo project's build output), so it can die by <c>kill -9</c> like a crashed
/// pod, or stop on SIGTERM like a pod being replaced. Keeps its ports across restarts; logs go to a file per silo.
/// </summary>
public sealed class SiloProcess : HostProcess
{
    public SiloProcess(int index, IReadOnlyDictionary<string, string> clusterSettings, string logFolder, IReadOnlyDictionary<string, string>? ownSettings = null)
        : this(index, LoopbackPorts.Free(), LoopbackPorts.Free(), clusterSettings, logFolder, ownSettings)
    {
    }

    private SiloProcess(int index, int siloPort, int gatewayPort, IReadOnlyDictionary<string, string> clusterSettings, string logFolder,
        IReadOnlyDictionary<string, string>? ownSettings)
        : base("Silo", "Insights.Silo", $"Silo {index}", $"silo-{index}.log", With(clusterSettings, ownSettings, siloPort, gatewayPort), logFolder)
    {
        Index = index;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
    }

    public int Index { get; }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> clusterSettings, IReadOnlyDictionary<string, string>? ownSettings,
        int siloPort, int gatewayPort)
    {
        var settings = new Dictionary<string, string>(clusterSettings)
        {
            ["Insights:Cluster:SiloPort"] = siloPort.ToString(),
            ["Insights:Cluster:GatewayPort"] = gatewayPort.ToString(),
        };
        foreach (var (key, value) in ownSettings ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return settings;
    }
}
