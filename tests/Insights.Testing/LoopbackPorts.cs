namespace Insights.Testing;

using System.Net;
using System.Net.Sockets;

public static class LoopbackPorts
{
    // Below the kernel's ephemeral range (Linux: 32768-60999), which every outgoing connection and every bind to
    // port 0 draws from: a port picked there could be taken by any connection the parallel tests open before the
    // silo or API it was picked for binds it ("address already in use"). Below it, only another pick can collide.
    private const int Lowest = 20_000;
    private const int Highest = 32_767;

    /// <summary>A port free on 127.0.0.1 right now, outside the ephemeral range; another pick may still take it before the caller binds it.</summary>
    public static int Free()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = Random.Shared.Next(Lowest, Highest + 1);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // taken: pick another
            }
        }

        throw new InvalidOperationException($"No free port on 127.0.0.1 between {Lowest} and {Highest} in 100 tries.");
    }
}
