using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace AutoReply.IntegrationTests.Infrastructure;

/// <summary>
/// A TCP hop between a service and one of the real servers, which a test can cut: every open
/// connection is reset and new ones are reset as soon as they arrive, as when the server stops, while
/// the server itself goes on serving the other tests. <see cref="Restore"/> lets connections through again.
/// </summary>
public sealed class ServerLink : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly DnsEndPoint server;
    private readonly CancellationTokenSource closing = new();
    private readonly List<Socket> open = [];
    private readonly Task accepting;
    private volatile bool cut;

    private ServerLink(DnsEndPoint server)
    {
        this.server = server;
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>A link to the RabbitMQ of <paramref name="connectionString"/> and the connection string that goes through it.</summary>
    public static (ServerLink Link, string ConnectionString) ToRabbitMq(string connectionString)
    {
        var uri = new UriBuilder(connectionString);
        var link = new ServerLink(new DnsEndPoint(uri.Host, uri.Port));
        uri.Host = "127.0.0.1";
        uri.Port = link.Port;
        return (link, uri.Uri.ToString());
    }

    /// <summary>A link to the Redis of <paramref name="connectionString"/> and the connection string that goes through it.</summary>
    public static (ServerLink Link, string ConnectionString) ToRedis(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        var endpoint = (DnsEndPoint)options.EndPoints.Single();
        var link = new ServerLink(endpoint);
        options.EndPoints.Clear();
        options.EndPoints.Add(IPAddress.Loopback, link.Port);
        return (link, options.ToString(includePassword: true));
    }

    public void Cut()
    {
        cut = true;
        lock (open)
        {
            open.ForEach(Reset);
            open.Clear();
        }
    }

    public void Restore() => cut = false;

    public async ValueTask DisposeAsync()
    {
        await closing.CancelAsync();
        listener.Stop();
        Cut();
        await accepting;
        closing.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!closing.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync(closing.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            if (cut)
            {
                Reset(client);
                continue;
            }
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(Socket client)
    {
        var upstream = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await upstream.ConnectAsync(server, closing.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException)
        {
            Reset(client);
            upstream.Dispose();
            return;
        }
        lock (open)
        {
            open.Add(client);
            open.Add(upstream);
        }
        await Task.WhenAny(PumpAsync(client, upstream), PumpAsync(upstream, client));
        Reset(client);
        Reset(upstream);
    }

    private async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer, closing.Token)) > 0)
            {
                await to.SendAsync(buffer.AsMemory(0, read), closing.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The other side, or the test, ended the connection.
        }
    }

    /// <summary>Closes with a reset, not a graceful close: what a peer sees when the server process dies.</summary>
    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (ObjectDisposedException)
        {
            // Already closed.
        }
    }
}
