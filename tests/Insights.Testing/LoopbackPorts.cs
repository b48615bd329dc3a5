namespace Insights.Testing;

using System.Net;
using System.Net.Sockets;

public static class LoopbackPorts
{
    /// <summary>A port free on 127.0.0.1 right now; another process may still take it before the caller binds it.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
