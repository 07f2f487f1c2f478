using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AutoReply.AppHost.Servers;

/// <summary>
/// A RabbitMQ cluster of local nodes: the services get one connection string naming every node
/// (<c>amqp://…@node1,amqp://…@node2,…</c>), and the quorum queues are replicated on all of them,
/// so the system goes on when a node is lost.
/// </summary>
public sealed class LocalRabbitMQClusterResource(string name, IReadOnlyList<LocalRabbitMQResource> nodes)
    : Resource(name), IResourceWithConnectionString, IResourceWithWaitSupport
{
    public IReadOnlyList<LocalRabbitMQResource> Nodes { get; } = nodes;

    public ReferenceExpression ConnectionStringExpression
    {
        get
        {
            var expression = new ReferenceExpressionBuilder();
            foreach (var (node, index) in Nodes.Select((node, index) => (node, index)))
            {
                if (index > 0)
                {
                    expression.AppendLiteral(",");
                }
                expression.AppendFormatted(node.ConnectionStringExpression);
            }
            return expression.Build();
        }
    }
}

public static class LocalRabbitMQClusterBuilderExtensions
{
    /// <summary>
    /// <paramref name="nodeCount"/> nodes (<c>NAME-1</c>, <c>NAME-2</c>, …) sharing one port mapper
    /// and one password. A new cluster forms one node after the other, each joining the one
    /// before, so there is never a second cluster; a cluster that already exists starts all at
    /// once, because a node waits at start for the last one that stopped, whichever it was.
    /// </summary>
    public static IResourceBuilder<LocalRabbitMQClusterResource> AddLocalRabbitMQCluster(this IDistributedApplicationBuilder builder, [ResourceName] string name, int nodeCount)
    {
        var password = ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{name}-password");
        var epmd = builder.AddErlangPortMapper($"{name}-epmd");
        var nodeNames = Enumerable.Range(1, nodeCount).Select(index => $"{name}-{index}").ToList();
        var clusterNodeNames = nodeNames.Select(node => $"{node}@localhost").ToList();
        var nodes = new List<IResourceBuilder<LocalRabbitMQResource>>();
        var isNew = !Directory.Exists(Path.Combine(LocalServerFiles.DataDirectory(builder, nodeNames[0]), "mnesia", clusterNodeNames[0]));
        foreach (var nodeName in nodeNames)
        {
            var node = builder.AddLocalRabbitMQNode(nodeName, password, epmd.Resource, clusterNodeNames);
            if (isNew && nodes.Count > 0)
            {
                node.WaitFor(nodes[^1]);
            }
            nodes.Add(node);
        }

        var cluster = new LocalRabbitMQClusterResource(name, [.. nodes.Select(node => node.Resource)]);
        epmd.WithParentRelationship(cluster);
        foreach (var node in nodes)
        {
            node.WithParentRelationship(cluster);
        }

        var nodeStates = new ConcurrentDictionary<string, CustomResourceSnapshot>();
        var healthCheckKey = $"{name}_check";
        builder.Services.AddHealthChecks().AddCheck(healthCheckKey, () =>
            nodeNames.All(node => nodeStates.TryGetValue(node, out var state) && state.HealthStatus == HealthStatus.Healthy)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("Not every node of the cluster answers yet."));

        return builder.AddResource(cluster)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "RabbitMQCluster",
                State = KnownResourceStates.NotStarted,
                Properties = [new ResourcePropertySnapshot("nodes", string.Join(", ", clusterNodeNames))],
            })
            .OnInitializeResource((resource, @event, cancellationToken) =>
                FollowNodesAsync(resource, nodeStates, @event.Notifications, cancellationToken))
            .WithHealthCheck(healthCheckKey)
            .WithIconName("Mailbox");
    }

    /// <summary>
    /// Aspire gives a resource of its own no state: the cluster runs once every node runs, and
    /// until then it takes the state of the node furthest behind.
    /// </summary>
    private static async Task FollowNodesAsync(
        LocalRabbitMQClusterResource cluster,
        ConcurrentDictionary<string, CustomResourceSnapshot> nodeStates,
        ResourceNotificationService notifications,
        CancellationToken cancellationToken)
    {
        await foreach (var update in notifications.WatchAsync(cancellationToken))
        {
            if (!cluster.Nodes.Contains(update.Resource))
            {
                continue;
            }
            nodeStates[update.Resource.Name] = update.Snapshot;
            var states = cluster.Nodes.Select(node => nodeStates.TryGetValue(node.Name, out var state) ? state.State?.Text : null).ToList();
            var state = states.All(state => state == KnownResourceStates.Running)
                ? KnownResourceStates.Running
                : states.FirstOrDefault(state => state != KnownResourceStates.Running) ?? KnownResourceStates.Starting;
            await notifications.PublishUpdateAsync(cluster, snapshot => snapshot with
            {
                State = state,
                StartTimeStamp = snapshot.StartTimeStamp ?? (state == KnownResourceStates.Running ? DateTime.UtcNow : null),
            });
        }
    }
}
