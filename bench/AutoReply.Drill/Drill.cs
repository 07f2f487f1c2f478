using System.Net.Http.Json;

namespace AutoReply.Drill;

/// <summary>What a watcher beside the stream sees: the sender, how many inbound events it had accepted so far, the posting, the run's numbers.</summary>
public sealed record BenchWatch(TrafficSender Sender, Func<int> InboundAccepted, Task Posting, IReadOnlyCollection<string> PhoneNumbers, DateTimeOffset Started);

/// <summary>A drill's outcome, with each accepted event's acceptance time and each inbound event's decision.</summary>
public sealed record DrillRun(DrillReport Report, double DecisionsPerSecond, IReadOnlyDictionary<string, DateTimeOffset> Accepted, IReadOnlyList<DecisionRow> Decisions);

/// <summary>
/// One drill: sets up the traffic's numbers, posts the traffic while the faults strike on schedule
/// (evenly spread over it), waits for the system to settle and reads back what it did.
/// </summary>
public sealed class Drill(DrillSystem system, DrillOptions options, TextWriter log)
{
    public async Task<DrillReport> RunAsync(CancellationToken cancellationToken) => (await RunWithThroughputAsync(cancellationToken)).Report;

    /// <summary>
    /// The run: its report, the inbound events decided per second from the first acceptance to the
    /// last decision, and each event's acceptance and decision. <paramref name="beforeStream"/> is
    /// awaited once the numbers are set up; <paramref name="watch"/> runs beside the stream from its
    /// first post until every accepted inbound event is decided, before the ledger is read.
    /// </summary>
    public async Task<DrillRun> RunWithThroughputAsync(
        CancellationToken cancellationToken, Func<CancellationToken, Task>? beforeStream = null, Func<BenchWatch, CancellationToken, Task>? watch = null)
    {
        var traffic = Traffic.Generate(options);
        var faults = Faults.Parse(options.Faults).Where(system.CanInject).ToList();
        // "all" means every fault this system can take; a fault named on its own must strike, or the drill proves nothing.
        var cannot = Faults.Parse(options.Faults).Except(faults).ToList();
        if (!options.Faults.Trim().Equals("all", StringComparison.OrdinalIgnoreCase) && cannot.Count > 0)
        {
            throw new ArgumentException(
                $"This system cannot take {string.Join(", ", cannot.Select(Faults.Name))}: an attached system takes only the provider faults and redis-data-loss, "
                + "broker-node-kill needs a broker cluster (--BrokerNodes 3), rabbitmq-restart a single node.");
        }
        await log.WriteLineAsync($"{traffic.Events.Count:N0} posts over {options.Duration} s to {traffic.Pairs.Count:N0} contacts of {options.Numbers} numbers ({traffic.DelayedNumbers.Count()} replying after {options.ReplyDelaySeconds} s; seed {options.Seed}); faults: {(faults.Count == 0 ? "none" : string.Join(", ", faults.Select(Faults.Name)))}");
        await RegisterNumbersAsync(traffic, cancellationToken);

        await (beforeStream?.Invoke(cancellationToken) ?? Task.CompletedTask);
        var runner = new TrafficSender(system.Ingress);
        var started = DateTimeOffset.UtcNow;
        var inboundIds = traffic.Events.Where(e => e.IsInbound).Select(e => e.Id).ToHashSet();
        var posting = runner.RunAsync(traffic, cancellationToken);
        var watching = watch?.Invoke(new BenchWatch(runner, () => runner.Accepted.Keys.Count(inboundIds.Contains), posting, traffic.PhoneNumbers.ToList(), started), cancellationToken) ?? Task.CompletedTask;
        var striking = Task.WhenAll(faults.Select((fault, i) => StrikeAsync(fault, TimeSpan.FromSeconds(options.Duration) * (i + 1) / (faults.Count + 1), cancellationToken)));
        await Task.WhenAll(posting, striking);

        await log.WriteLineAsync("Stream posted; waiting for every decision and send to settle...");
        await watching;
        var inbound = traffic.Events.Where(e => e.IsInbound && runner.Accepted.ContainsKey(e.Id)).Select(e => e.Id).ToHashSet();
        var ledger = await Ledger.SettleAsync(system, traffic, inbound, TimeSpan.FromSeconds(options.SettleSeconds), cancellationToken);
        var decided = ledger.Decisions.Where(d => inbound.Contains(d.EventId)).ToList();
        if (decided.Count < inbound.Count)
        {
            await DescribeWhereTheRestWaitsAsync(cancellationToken);
        }
        var span = decided.Count == 0 ? TimeSpan.Zero : decided.Max(d => d.DecidedAt) - runner.Accepted.Values.Min();
        return new DrillRun(DrillReport.Compute(traffic, runner, ledger), span > TimeSpan.Zero ? decided.Count / span.TotalSeconds : 0, runner.Accepted, decided);
    }

    /// <summary>Events undecided after the settle are somewhere: a cluster says which queues still hold messages, and who consumes them.</summary>
    private async Task DescribeWhereTheRestWaitsAsync(CancellationToken cancellationToken)
    {
        if (system.BrokerCluster() is not { } cluster)
        {
            return;
        }
        var holding = (await cluster.QueuesAsync(cancellationToken)).Where(queue => queue.Messages > 0).ToList();
        await log.WriteLineAsync(holding.Count == 0 ? "Events undecided, and no queue holds a message." : "Events undecided; queues holding messages:");
        foreach (var queue in holding)
        {
            await log.WriteLineAsync($"  {queue.Name} ({queue.Type}, leader {queue.Leader ?? "none"}): {queue.Messages} messages, {queue.Unacknowledged} unacknowledged, {queue.Consumers} consumers");
        }
    }

    private async Task StrikeAsync(Fault fault, TimeSpan after, CancellationToken cancellationToken)
    {
        await Task.Delay(after, cancellationToken);
        await log.WriteLineAsync($"  {DateTimeOffset.UtcNow:HH:mm:ss} {fault.Name()}");
        await system.InjectAsync(fault, cancellationToken);
        await log.WriteLineAsync($"  {DateTimeOffset.UtcNow:HH:mm:ss} {fault.Name()}: recovered");
    }

    /// <summary>
    /// Every number open around the clock with a reply for each trigger, so the rules alone decide who
    /// gets a text; the delayed numbers' replies wait <see cref="DrillOptions.ReplyDelaySeconds"/>.
    /// </summary>
    private async Task RegisterNumbersAsync(Traffic traffic, CancellationToken cancellationToken)
    {
        var allDay = Enum.GetValues<DayOfWeek>().ToDictionary(day => day.ToString().ToLowerInvariant(), _ => new[] { new { open = "00:00", close = "24:00" } });
        var delayed = traffic.DelayedNumbers.ToHashSet();
        foreach (var number in traffic.PhoneNumbers)
        {
            var delay = delayed.Contains(number) ? $"PT{options.ReplyDelaySeconds}S" : "PT0S";
            var path = $"/v1/numbers/{Uri.EscapeDataString(number)}";
            (await system.Rules.PutAsJsonAsync(path, new { name = "Drill Clinic", timeZone = "UTC", businessHours = allDay }, cancellationToken)).EnsureSuccessStatusCode();
            foreach (var trigger in new[] { "missed_call", "voicemail", "message" })
            {
                (await system.Rules.PostAsJsonAsync($"{path}/auto-replies", new { trigger, schedule = "business_hours", message = "Thanks, we'll get back to you soon.", delay }, cancellationToken)).EnsureSuccessStatusCode();
            }
        }
    }
}
