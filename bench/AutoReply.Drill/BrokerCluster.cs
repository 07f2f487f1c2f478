using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AutoReply.Drill;

/// <summary>One queue as the broker reports it: its leader and members are those of a quorum queue's replicas.</summary>
public sealed record QueueReplicas(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("messages")] long Messages,
    [property: JsonPropertyName("messages_unacknowledged")] long Unacknowledged,
    [property: JsonPropertyName("consumers")] int Consumers,
    [property: JsonPropertyName("leader")] string? Leader,
    [property: JsonPropertyName("members")] IReadOnlyList<string>? Members);

/// <summary>
/// The AppHost's local RabbitMQ cluster as RabbitMQ's own command-line tool sees it (which node
/// leads which quorum queue is not in AMQP): asked of the first node that answers.
/// </summary>
public sealed class BrokerCluster(IReadOnlyList<string> nodeNames, string portMapperPort)
{
    private const string Cli = "/usr/lib/rabbitmq/bin/rabbitmqctl";

    public IReadOnlyList<string> NodeNames { get; } = nodeNames;

    public async Task<IReadOnlyList<QueueReplicas>> QueuesAsync(CancellationToken cancellationToken)
    {
        var failures = new List<string>();
        foreach (var node in NodeNames)
        {
            var (exitCode, output, error) = await RunAsync(["-n", node, "-q", "list_queues", "name", "type", "messages", "messages_unacknowledged", "consumers", "leader", "members", "--formatter", "json"], cancellationToken);
            if (exitCode == 0)
            {
                return JsonSerializer.Deserialize<List<QueueReplicas>>(output) ?? [];
            }
            failures.Add($"{node}: {error.Trim()}");
        }
        throw new InvalidOperationException($"No node of the cluster answered: {string.Join("; ", failures)}");
    }

    /// <summary>The queue holding the most messages, and the node leading it.</summary>
    public async Task<QueueReplicas> BusiestQueueAsync(CancellationToken cancellationToken) =>
        (await QueuesAsync(cancellationToken)).Where(queue => queue.Leader is not null).MaxBy(queue => queue.Messages)
            ?? throw new InvalidOperationException("The cluster has no quorum queue.");

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Cli) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // The nodes register with the AppHost's port mapper, not the default one.
        start.Environment["ERL_EPMD_PORT"] = portMapperPort;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Cli}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await output, await error);
    }
}
