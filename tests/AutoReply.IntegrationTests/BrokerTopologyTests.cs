using Aspire.Hosting.Testing;
using AutoReply.Contracts.Commands;
using AutoReply.IntegrationTests.Infrastructure;
using AutoReply.Sender.Delivery;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using AutoReply.Rules.Evaluation;

namespace AutoReply.IntegrationTests;

/// <summary>The queues the services declare on the AppHost's RabbitMQ, as an operator would check them.</summary>
[Collection(nameof(WholeSystem))]
public sealed class BrokerTopologyTests(AppHostFixture system)
{
    [Theory]
    [InlineData(Queues.SendAutoReply)]
    [InlineData(CommunicationEventConsumerDefinition.Queue)]
    [InlineData(ProviderStatusConsumerDefinition.Queue)]
    public async Task Consumer_queues_are_durable_quorum_queues(string queue)
    {
        var cancellation = TestContext.Current.CancellationToken;
        var factory = new ConnectionFactory { Uri = new Uri((await system.App.GetConnectionStringAsync("rabbitmq", cancellation))!) };
        await using var connection = await factory.CreateConnectionAsync(cancellation);

        // Declaring an existing queue with other arguments than it has is refused, so these two declares tell its type.
        await using (var asQuorum = await connection.CreateChannelAsync(cancellationToken: cancellation))
        {
            await asQuorum.QueueDeclarePassiveAsync(queue, cancellation);
            await asQuorum.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false,
                arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" }, cancellationToken: cancellation);
        }
        await using var asClassic = await connection.CreateChannelAsync(cancellationToken: cancellation);
        var refused = await Assert.ThrowsAsync<OperationInterruptedException>(() =>
            asClassic.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false,
                arguments: new Dictionary<string, object?> { ["x-queue-type"] = "classic" }, cancellationToken: cancellation));
        Assert.Contains("PRECONDITION_FAILED", refused.Message, StringComparison.Ordinal);
    }
}
