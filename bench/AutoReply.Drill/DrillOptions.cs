namespace AutoReply.Drill;

/// <summary>What to run, read from the command line (<c>--Rate 200 --Duration 60 --Faults sender-kill,redis-data-loss</c>).</summary>
public sealed class DrillOptions
{
    /// <summary><c>drill</c> (faults on a schedule, then the ledger) or <c>bench</c> (no faults: sustained rate against the raw bus).</summary>
    public string Mode { get; set; } = "drill";

    /// <summary>Events offered per second.</summary>
    public int Rate { get; set; } = 200;

    /// <summary>Seconds of stream.</summary>
    public int Duration { get; set; } = 60;

    public int Numbers { get; set; } = 40;

    /// <summary>The business numbers' prefix: the benchmark's warm-up runs on numbers of its own.</summary>
    public string NumberPrefix { get; set; } = "+1415";

    public int ContactsPerNumber { get; set; } = 25;

    /// <summary>The share of numbers whose auto-replies wait <see cref="ReplyDelaySeconds"/> before they go out (0 to 1).</summary>
    public double DelayedNumbers { get; set; } = 0.25;

    /// <summary>
    /// The delayed numbers' wait: long beside the two seconds after which their called-back contacts
    /// are called back, so a fault slowing the call-back is not what decides whether a text goes out.
    /// </summary>
    public int ReplyDelaySeconds { get; set; } = 60;

    /// <summary>Comma-separated <see cref="Fault"/> names, spread evenly over the stream; <c>all</c> for every one.</summary>
    public string Faults { get; set; } = "all";

    /// <summary>Seeds the generated stream (numbers, contacts, events); 0 picks one, which the report prints so a run can be repeated.</summary>
    public int Seed { get; set; }

    /// <summary>RabbitMQ nodes when the drill starts the system: 1, or 3 for a cluster (the <c>broker-node-kill</c> fault needs one).</summary>
    public int BrokerNodes { get; set; } = 1;

    /// <summary>Where the servers keep their data when the drill starts the system; a temporary folder when empty.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Attach to a running system (<c>eng/run.sh</c>) instead of starting one: its ingress URL.</summary>
    public string? Ingress { get; set; }

    public string Rules { get; set; } = "http://127.0.0.1:5081";

    public string Sandbox { get; set; } = "http://127.0.0.1:5090";

    public string ApiKey { get; set; } = "dev-key";

    /// <summary>Attached: the Redis to take the data of (<c>redis-data-loss</c>) and the RabbitMQ of the raw bus benchmark.</summary>
    public string? RedisConnectionString { get; set; }

    public string? RabbitMqConnectionString { get; set; }

    /// <summary>
    /// Benchmark: seconds of the same stream, on numbers of their own and not counted, before the
    /// measured one. A service started a moment ago runs its code unoptimized until .NET's tiered
    /// compilation has recompiled what is hot: the first seconds measure the start, not the system.
    /// </summary>
    public int WarmupSeconds { get; set; } = 20;

    /// <summary>
    /// Benchmark: whether the services' telemetry goes to the dashboard, as in development (the
    /// default); <c>false</c> measures the system without it, as the drill runs.
    /// </summary>
    public bool Telemetry { get; set; } = true;

    /// <summary>Benchmark: seconds between its progress lines.</summary>
    public int ProgressSeconds { get; set; } = 5;

    /// <summary>Benchmark: where it writes its per-second series (<c>bench-series.csv</c>) and the plot drawn from it (<c>bench-series.svg</c>).</summary>
    public string Output { get; set; } = "bench/results";

    /// <summary>How long after the stream the drill waits for every decision and text before it counts.</summary>
    public int SettleSeconds { get; set; } = 180;
}
