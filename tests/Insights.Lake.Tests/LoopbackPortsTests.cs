namespace Insights.Lake.Tests;

using System.Net;
using System.Net.Sockets;

/// <summary>The ports fixtures give their silos and APIs (tests/Insights.Testing).</summary>
public sealed class LoopbackPortsTests
{
    [Fact]
    public void A_free_port_is_bindable_and_below_the_range_outgoing_connections_take_theirs_from()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        var ephemeralFrom = File.Exists(range) ? int.Parse(File.ReadAllText(range).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0]) : 32_768;

        for (var i = 0; i < 50; i++)
        {
            var port = LoopbackPorts.Free();
            Assert.InRange(port, 1_024, ephemeralFrom - 1);
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
        }
    }
}
