namespace Insights.ClusterHosting.Clustering;

using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

/// <summary>Cluster and service ids, and the endpoints other silos and clients reach a silo at (Redis, Azure Table).</summary>
internal static class ClusterNetwork
{
    public static void UseClusterNetwork(this ISiloBuilder silo)
    {
        silo.Services.AddOptions<ClusterOptions>().Configure<IOptions<InsightsClusterOptions>>((o, c) => (o.ClusterId, o.ServiceId) = (c.Value.ClusterId, c.Value.ServiceId));
        silo.Services.AddOptions<EndpointOptions>().Configure<IOptions<InsightsClusterOptions>>((endpoints, cluster) =>
        {
            var options = cluster.Value;
            (endpoints.SiloPort, endpoints.GatewayPort) = (options.SiloPort, options.GatewayPort);
            if (options.Kubernetes)
            {
                // Kubernetes hosting fills in the pod's IP only where no address is set: give it the ports alone.
                return;
            }

            endpoints.AdvertisedIPAddress = AdvertisedAddress(options);
            endpoints.SiloListeningEndpoint = new IPEndPoint(IPAddress.Any, options.SiloPort);
            endpoints.GatewayListeningEndpoint = new IPEndPoint(IPAddress.Any, options.GatewayPort);
        });
    }

    private static IPAddress AdvertisedAddress(InsightsClusterOptions options) =>
        string.IsNullOrWhiteSpace(options.AdvertisedIPAddress)
            ? Dns.GetHostAddresses(Dns.GetHostName())
                .FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
                ?? IPAddress.Loopback
            // Checked by the validator before anything reads it.
            : IPAddress.Parse(options.AdvertisedIPAddress);
}
