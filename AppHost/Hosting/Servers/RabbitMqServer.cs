using System.Globalization;

namespace AutoReply.AppHost.Hosting.Servers;

/// <summary>
/// A private RabbitMQ node: its own node name, AMQP and distribution ports, data and log folders
/// (owned by the <c>rabbitmq</c> user, or the node refuses to start) and no plug-ins.
/// </summary>
public sealed class RabbitMqServer : IPrivateServer
{
    private const string Server = "/usr/sbin/rabbitmq-server";
    private const string Control = "/usr/sbin/rabbitmqctl";
    private readonly ChildProcess process;
    private readonly string nodeName;
    private readonly string pidFile;
    private readonly ResourceLog log;
    private readonly string name;

    private RabbitMqServer(ChildProcess process, string nodeName, string pidFile, int port, ResourceLog log, string name)
    {
        this.process = process;
        this.nodeName = nodeName;
        this.pidFile = pidFile;
        this.log = log;
        this.name = name;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"amqp://guest:guest@127.0.0.1:{Port}/";

    public static async Task<RabbitMqServer> StartAsync(string name, string dataDirectory, ResourceLog log, CancellationToken cancellationToken)
    {
        ServerFiles.Require(Server, "rabbitmq-server");
        if (!ServerFiles.IsRoot && Environment.UserName != "rabbitmq")
        {
            throw new InvalidOperationException("RabbitMQ's scripts run only as root or as the rabbitmq user: start the AppHost with sudo, or set ConnectionStrings__rabbitmq to a running broker.");
        }

        var port = FreePort.Next();
        var nodeName = $"autoreply-{port}@localhost";
        var pidFile = Path.Combine(dataDirectory, "rabbitmq.pid");
        var pluginsFile = Path.Combine(dataDirectory, "enabled_plugins");
        Directory.CreateDirectory(Path.Combine(dataDirectory, "mnesia"));
        Directory.CreateDirectory(Path.Combine(dataDirectory, "log"));
        await File.WriteAllTextAsync(pluginsFile, "[].", cancellationToken);
        File.Delete(pidFile);
        await ServerFiles.CreateOwnedDirectoryAsync(dataDirectory, "rabbitmq", log);

        var environment = new Dictionary<string, string>
        {
            ["RABBITMQ_NODENAME"] = nodeName,
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = port.ToString(CultureInfo.InvariantCulture),
            ["RABBITMQ_DIST_PORT"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(dataDirectory, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(dataDirectory, "log"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = pluginsFile,
            ["RABBITMQ_PID_FILE"] = pidFile,
        };
        var process = ChildProcess.Start(name, Server, [], log, environment, workingDirectory: dataDirectory);
        var server = new RabbitMqServer(process, nodeName, pidFile, port, log, name);
        try
        {
            await ChildProcess.RunAsync(name, Control, ["-q", "-n", nodeName, "wait", pidFile, "--timeout", "90"], log, cancellationToken: cancellationToken);
            await Readiness.WaitAsync(name, process, () => FreePort.AcceptsConnectionsAsync(port, cancellationToken), cancellationToken);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        // rabbitmqctl stop with the pid file waits for the node to be gone; a bare kill leaves the Erlang VM behind.
        try
        {
            await ChildProcess.RunAsync(name, Control, ["-q", "-n", nodeName, "stop", pidFile], log);
        }
        catch (InvalidOperationException)
        {
            await process.StopAsync(TimeSpan.FromSeconds(10));
        }
        await process.DisposeAsync();
    }
}
