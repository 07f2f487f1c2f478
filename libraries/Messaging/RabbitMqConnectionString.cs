using System.Net;
using System.Text.RegularExpressions;
using MassTransit;
using RabbitMQ.Client;

namespace AutoReply.Messaging;

/// <summary>
/// The RabbitMQ connection string as an Aspire AppHost hands it over,
/// <c>amqp://user:pass@host:port/vhost</c>, or a cluster's: one such URI per node, separated by
/// commas, with the same credentials and virtual host. Every client of the bus connects through it,
/// so a cluster's clients all move to another node when theirs goes away.
/// </summary>
public sealed partial record RabbitMqConnectionString(IReadOnlyList<DnsEndPoint> Nodes, string VirtualHost, string UserName, string Password)
{
    private const ushort DefaultPort = 5672;
    private const string ExpectedForm = "The RabbitMQ connection string must read amqp://user:pass@host:port/vhost (a cluster: one such URI per node, separated by commas).";

    public string Host => Nodes[0].Host;

    public int Port => Nodes[0].Port;

    public static RabbitMqConnectionString Parse(string connectionString)
    {
        var nodes = NodeSeparator().Split(connectionString.Trim()).Select(ParseNode).ToList();
        var first = nodes[0];
        if (nodes.Any(node => (node.VirtualHost, node.UserName, node.Password) != (first.VirtualHost, first.UserName, first.Password)))
        {
            throw new FormatException("Every node of a RabbitMQ cluster must be given with the same user, password and virtual host.");
        }
        return first with { Nodes = [.. nodes.Select(node => node.Nodes[0])] };
    }

    /// <summary>Points a MassTransit bus at the broker; a cluster's nodes are tried in turn when a connection fails.</summary>
    public void ConfigureHost(IRabbitMqBusFactoryConfigurator rabbit, Action<IRabbitMqHostConfigurator>? configure = null) =>
        rabbit.Host(Host, (ushort)Port, VirtualHost, host =>
        {
            host.Username(UserName);
            host.Password(Password);
            if (Nodes.Count > 1)
            {
                host.UseCluster(cluster =>
                {
                    foreach (var node in Nodes)
                    {
                        cluster.Node($"{node.Host}:{node.Port}");
                    }
                });
            }
            configure?.Invoke(host);
        });

    /// <summary>A connection of RabbitMQ's own client to the first node that answers.</summary>
    public Task<IConnection> ConnectAsync(string clientName, CancellationToken cancellationToken) =>
        new ConnectionFactory
        {
            VirtualHost = VirtualHost,
            UserName = UserName,
            Password = Password,
            ClientProvidedName = clientName,
        }.CreateConnectionAsync([.. Nodes.Select(node => new AmqpTcpEndpoint(node.Host, node.Port))], cancellationToken);

    public bool Equals(RabbitMqConnectionString? other) =>
        other is not null && Nodes.SequenceEqual(other.Nodes) && (VirtualHost, UserName, Password) == (other.VirtualHost, other.UserName, other.Password);

    public override int GetHashCode() => HashCode.Combine(Nodes.Count, Host, Port, VirtualHost, UserName);

    /// <summary>The nodes and virtual host only: the password never reaches a log.</summary>
    public override string ToString() => $"{string.Join(",", Nodes.Select(node => $"{node.Host}:{node.Port}"))}/{VirtualHost}";

    private static RabbitMqConnectionString ParseNode(string node)
    {
        // A bare comma can only be a node list written some other way (a comma in a name is written %2C).
        if (!Uri.TryCreate(node, UriKind.Absolute, out var uri) || (uri.Scheme != "amqp" && uri.Scheme != "amqps") || node.Contains(','))
        {
            throw new FormatException(ExpectedForm);
        }

        var credentials = uri.UserInfo.Split(':', 2);
        var userName = credentials[0].Length > 0 ? Uri.UnescapeDataString(credentials[0]) : "guest";
        var password = credentials.Length > 1 ? Uri.UnescapeDataString(credentials[1]) : "guest";
        var path = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        return new RabbitMqConnectionString(
            [new DnsEndPoint(uri.Host, uri.IsDefaultPort || uri.Port < 0 ? DefaultPort : uri.Port)],
            path.Length == 0 ? "/" : path,
            userName,
            password);
    }

    [GeneratedRegex(",(?=amqps?://)", RegexOptions.IgnoreCase)]
    private static partial Regex NodeSeparator();
}
