namespace AutoReply.Drill;

/// <summary>The faults a drill can inject, by the names the command line uses.</summary>
public enum Fault
{
    /// <summary><c>kill -9</c> of the sender, then started again as an orchestrator would.</summary>
    SenderKill,

    /// <summary><c>kill -9</c> of one rules replica, then started again.</summary>
    RulesKill,

    RabbitMqRestart,

    /// <summary>
    /// <c>kill -9</c> of the broker node leading the busiest quorum queue, then started again; only
    /// with a cluster (<c>--BrokerNodes 3</c>).
    /// </summary>
    BrokerNodeKill,

    /// <summary>Redis restarted on its data (the append-only file).</summary>
    RedisRestart,

    /// <summary>Redis loses every key, as a restart without its data or a failover to a replica that had not caught up.</summary>
    RedisDataLoss,

    PostgresRestart,

    /// <summary>The provider answers 500 to half the sends for a while.</summary>
    Provider500,

    /// <summary>The provider answers 429 with Retry-After to half the sends for a while.</summary>
    Provider429,

    /// <summary>The provider takes two seconds to answer for a while.</summary>
    ProviderSlow,
}

public static class Faults
{
    public static string Name(this Fault fault) => fault switch
    {
        Fault.SenderKill => "sender-kill",
        Fault.RulesKill => "rules-kill",
        Fault.RabbitMqRestart => "rabbitmq-restart",
        Fault.BrokerNodeKill => "broker-node-kill",
        Fault.RedisRestart => "redis-restart",
        Fault.RedisDataLoss => "redis-data-loss",
        Fault.PostgresRestart => "postgres-restart",
        Fault.Provider500 => "provider-500",
        Fault.Provider429 => "provider-429",
        Fault.ProviderSlow => "provider-slow",
        _ => throw new ArgumentOutOfRangeException(nameof(fault)),
    };

    /// <summary>Parses <c>all</c>, <c>none</c> or a comma-separated list of names.</summary>
    public static IReadOnlyList<Fault> Parse(string list) => list.Trim().ToLowerInvariant() switch
    {
        "all" => Enum.GetValues<Fault>(),
        "" or "none" => [],
        _ => [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(name =>
            Enum.GetValues<Fault>().SingleOrDefault(fault => fault.Name() == name, (Fault)(-1)) is var fault && Enum.IsDefined(fault)
                ? fault
                : throw new ArgumentException($"Unknown fault '{name}'. Known: {string.Join(", ", Enum.GetValues<Fault>().Select(Name))}."))],
    };
}
