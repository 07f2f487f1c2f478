using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AutoReply.Drill;

public sealed record DecisionRow(string EventId, string PhoneNumber, string Contact, string Outcome, string? Reason, string? State, string? ProviderMessageId, DateTimeOffset DecidedAt, DateTimeOffset? DueAt);

public sealed record TextRow(
    string Sid,
    string To,
    string From,
    [property: JsonPropertyName("sandbox_repeated_creates")] int RepeatedCreates,
    [property: JsonPropertyName("sandbox_received_at")] DateTimeOffset ReceivedAt);

/// <summary>What the system did with the traffic, read back from the decision log and the provider's inbox.</summary>
public sealed class Ledger
{
    private const int DecisionPage = 500;
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    public List<DecisionRow> Decisions { get; } = [];

    public List<TextRow> Texts { get; } = [];

    /// <summary>
    /// Reads until every accepted inbound event has its decision, no reply is still waiting for its
    /// delay, and every <c>sent</c> decision has reached a final state (or <paramref name="patience"/>
    /// runs out: what is missing then is lost).
    /// </summary>
    public static async Task<Ledger> SettleAsync(DrillSystem system, Traffic traffic, IReadOnlySet<string> acceptedInbound, TimeSpan patience, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var ledger = await ReadAsync(system, traffic, cancellationToken);
            var decided = ledger.Decisions.Count(d => acceptedInbound.Contains(d.EventId));
            var sendsOpen = ledger.Decisions.Count(d => d.Outcome == "scheduled" || (d.Outcome == "sent" && d.State is null or "queued" or "sending"));
            if ((decided == acceptedInbound.Count && sendsOpen == 0) || clock.Elapsed > patience)
            {
                return ledger;
            }
            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private static async Task<Ledger> ReadAsync(DrillSystem system, Traffic traffic, CancellationToken cancellationToken)
    {
        var ledger = new Ledger();
        foreach (var number in traffic.PhoneNumbers)
        {
            for (var offset = 0; ; offset += DecisionPage)
            {
                var page = await system.Rules.GetFromJsonAsync<List<DecisionRow>>(
                    $"/v1/decisions?phoneNumber={Uri.EscapeDataString(number)}&limit={DecisionPage}&offset={offset}", Web, cancellationToken);
                ledger.Decisions.AddRange(page!);
                if (page!.Count < DecisionPage)
                {
                    break;
                }
            }

            var texts = await system.Sandbox.GetFromJsonAsync<JsonElement>(
                $"/2010-04-01/Accounts/{DrillSystem.SandboxAccountSid}/Messages.json?From={Uri.EscapeDataString(number)}&PageSize=1000", cancellationToken);
            ledger.Texts.AddRange(texts.GetProperty("messages").Deserialize<List<TextRow>>(Web)!);
        }
        return ledger;
    }
}
