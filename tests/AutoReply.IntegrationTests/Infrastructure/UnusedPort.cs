using System.Net;
using System.Net.Sockets;

namespace AutoReply.IntegrationTests.Infrastructure;

/// <summary>A loopback port nothing listens on, as the operating system hands one out.</summary>
public static class UnusedPort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
