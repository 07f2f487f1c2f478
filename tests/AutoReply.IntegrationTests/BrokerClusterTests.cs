using AutoReply.Drill;
using AutoReply.IntegrationTests.Infrastructure;

namespace AutoReply.IntegrationTests;

/// <summary>
/// The whole system on the AppHost's three-node RabbitMQ cluster (<c>AppHost:BrokerNodes=3</c>):
/// the quorum queues are replicated on every node, and losing the node that leads the busiest
/// queue loses nothing and sends nothing twice.
/// </summary>
public sealed class BrokerClusterTests(BrokerClusterSystem system) : IClassFixture<BrokerClusterSystem>
{
    [Fact]
    public async Task Every_quorum_queue_the_services_consume_has_a_replica_on_each_of_the_three_nodes()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var drilled = await DrillSystem.ForAsync(system.App, RunningSystem.ApiKey, cancellation);
        var cluster = drilled.BrokerCluster()!;

        var queues = (await cluster.QueuesAsync(cancellation)).Where(queue => queue.Type == "quorum").ToList();

        Assert.Equal(["rabbitmq-1@localhost", "rabbitmq-2@localhost", "rabbitmq-3@localhost"], cluster.NodeNames);
        Assert.Contains(queues, queue => queue.Name == "communication-event");
        Assert.Contains(queues, queue => queue.Name == "send-auto-reply");
        Assert.All(queues, queue => Assert.Equal(cluster.NodeNames, queue.Members!.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task Traffic_through_the_kill_of_the_node_leading_the_busiest_queue_loses_nothing_and_texts_no_one_twice()
    {
        var options = new DrillOptions
        {
            Rate = 50,
            Duration = 40,
            Numbers = 20,
            ContactsPerNumber = 10,
            Faults = "broker-node-kill",
            ReplyDelaySeconds = 20,
            Seed = Random.Shared.Next(1, int.MaxValue),
            ApiKey = RunningSystem.ApiKey,
        };

        await Drilled.KeepsEveryRuleAsync(system.App, options, minimumAccepted: 1_500);
    }
}

/// <summary>The whole system with its broker a three-node cluster.</summary>
public sealed class BrokerClusterSystem() : RunningSystem(null, "--AppHost:BrokerNodes=3");
