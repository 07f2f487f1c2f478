using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;

namespace AutoReply.AppHost.Servers;

/// <summary>
/// A RabbitMQ node from the locally installed <c>rabbitmq-server</c>, handing services the
/// connection string Aspire's RabbitMQ container resource would: <c>amqp://guest:…@host:port</c>.
/// </summary>
public sealed class LocalRabbitMQResource(string name, ParameterResource password, string dataDirectory)
    : ExecutableResource(name, "/usr/lib/rabbitmq/bin/rabbitmq-server", dataDirectory), IResourceWithConnectionString
{
    internal const string EndpointName = "tcp";
    internal const string DistributionEndpointName = "dist";
    internal const string UserName = "guest";

    public ParameterResource PasswordParameter { get; } = password;

    public EndpointReference PrimaryEndpoint => new(this, EndpointName);

    /// <summary>The Erlang node name, by which the nodes of a cluster and RabbitMQ's command-line tools find it.</summary>
    public string NodeName => $"{Name}@localhost";

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"amqp://{UserName}:{PasswordParameter:uri}@{PrimaryEndpoint.Property(EndpointProperty.Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)}");
}

/// <summary>The Erlang port mapper of the local RabbitMQ nodes, so that it stops with the AppHost.</summary>
public sealed class ErlangPortMapperResource(string name) : ExecutableResource(name, "/usr/bin/epmd", Path.GetTempPath())
{
    internal const string EndpointName = "tcp";

    public EndpointReference Endpoint => new(this, EndpointName);
}

public static class LocalRabbitMQBuilderExtensions
{
    /// <summary>
    /// Adds a RabbitMQ node with a stable node name and its database in its own data folder, so
    /// queued messages outlive an AppHost restart (as a container's data volume with a stable
    /// node name would). It runs with its own port mapper: left to itself, Erlang starts one
    /// as a daemon that outlives the AppHost.
    /// </summary>
    public static IResourceBuilder<LocalRabbitMQResource> AddLocalRabbitMQ(this IDistributedApplicationBuilder builder, [ResourceName] string name)
    {
        var password = ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{name}-password");
        var epmd = builder.AddErlangPortMapper($"{name}-epmd");
        var node = builder.AddLocalRabbitMQNode(name, password, epmd.Resource, clusterNodeNames: []);
        epmd.WithParentRelationship(node);
        return node;
    }

    internal static IResourceBuilder<ErlangPortMapperResource> AddErlangPortMapper(this IDistributedApplicationBuilder builder, [ResourceName] string name)
    {
        var epmd = new ErlangPortMapperResource(name);
        return builder.AddResource(epmd)
            .WithEndpoint(name: ErlangPortMapperResource.EndpointName, isProxied: false)
            .WithArgs("-port", epmd.Endpoint.Property(EndpointProperty.TargetPort))
            .WithIconName("PlugConnected");
    }

    /// <summary>
    /// One node. Given <paramref name="clusterNodeNames"/>, a node whose database is new joins the
    /// first of them that runs (RabbitMQ's classic peer discovery); a node that was in the cluster
    /// rejoins it by itself.
    /// </summary>
    internal static IResourceBuilder<LocalRabbitMQResource> AddLocalRabbitMQNode(
        this IDistributedApplicationBuilder builder,
        [ResourceName] string name,
        ParameterResource password,
        ErlangPortMapperResource epmd,
        IReadOnlyList<string> clusterNodeNames)
    {
        var dataDirectory = LocalServerFiles.DataDirectory(builder, name);
        var rabbitMq = new LocalRabbitMQResource(name, password, dataDirectory);
        var configFile = Path.Combine(dataDirectory, "rabbitmq.conf");
        var pluginsFile = Path.Combine(dataDirectory, "enabled_plugins");

        var healthCheckKey = $"{name}_check";
        string? connectionString = null;
        IConnection? connection = null;
        builder.Services.AddHealthChecks().AddRabbitMQ(
            async _ => connection ??= await new ConnectionFactory
            {
                Uri = new Uri(connectionString ?? throw new InvalidOperationException($"{name} has no connection string yet.")),
            }.CreateConnectionAsync(),
            name: healthCheckKey);

        var primary = rabbitMq.PrimaryEndpoint;
        var distribution = new EndpointReference(rabbitMq, LocalRabbitMQResource.DistributionEndpointName);
        return builder.AddResource(rabbitMq)
            .WithEndpoint(name: LocalRabbitMQResource.EndpointName, scheme: "amqp", isProxied: false)
            .WithEndpoint(name: LocalRabbitMQResource.DistributionEndpointName, isProxied: false)
            .WithEnvironment(context =>
            {
                var env = context.EnvironmentVariables;
                // Executes erl in place (instead of forking it), so DCP watches the node itself.
                env["RUNNING_UNDER_SYSTEMD"] = "true";
                env["RABBITMQ_NODENAME"] = rabbitMq.NodeName;
                env["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
                env["RABBITMQ_NODE_PORT"] = primary.Property(EndpointProperty.TargetPort);
                // Its default (AMQP port + 20000) overflows for the high ports DCP hands out.
                env["RABBITMQ_DIST_PORT"] = distribution.Property(EndpointProperty.TargetPort);
                env["ERL_EPMD_PORT"] = epmd.Endpoint.Property(EndpointProperty.TargetPort);
                env["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-start_epmd false";
                env["RABBITMQ_MNESIA_BASE"] = Path.Combine(dataDirectory, "mnesia");
                env["RABBITMQ_CONFIG_FILE"] = configFile;
                env["RABBITMQ_ENABLED_PLUGINS_FILE"] = pluginsFile;
                // Nothing from /etc/rabbitmq: this node is configured here alone.
                env["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(dataDirectory, "rabbitmq-env.conf");
                env["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(dataDirectory, "advanced.config");
                // Logs on standard output, where the dashboard shows them.
                env["RABBITMQ_LOGS"] = "-";
            })
            .WaitFor(builder.CreateResourceBuilder(epmd))
            .OnBeforeResourceStarted(async (_, _, cancellationToken) =>
            {
                LocalServerFiles.Require(rabbitMq.Command, "rabbitmq-server");
                Directory.CreateDirectory(Path.Combine(dataDirectory, "mnesia"));
                // The default user is created from this file when the node's database is new.
                string[] cluster = clusterNodeNames.Count == 0 ? [] : [
                    "cluster_formation.peer_discovery_backend = classic_config",
                    .. clusterNodeNames.Select((node, index) => $"cluster_formation.classic_config.nodes.{index + 1} = {node}")];
                await File.WriteAllLinesAsync(configFile, [
                    $"default_user = {LocalRabbitMQResource.UserName}",
                    $"default_pass = {await password.GetValueAsync(cancellationToken)}",
                    .. cluster,
                ], cancellationToken);
                // No plugin: the Prometheus plugin's management agent holds every stop of Debian's 3.10 for
                // 5 s (rabbitmq-server#11070, fixed in 3.13); the services' own gauges show the queues.
                await File.WriteAllTextAsync(pluginsFile, "[].", cancellationToken);
                await File.WriteAllTextAsync(Path.Combine(dataDirectory, "rabbitmq-env.conf"), "", cancellationToken);
            })
            .OnConnectionStringAvailable(async (resource, _, cancellationToken) =>
                connectionString = await resource.ConnectionStringExpression.GetValueAsync(cancellationToken))
            .WithHealthCheck(healthCheckKey)
            .WithIconName("Mailbox");
    }
}
