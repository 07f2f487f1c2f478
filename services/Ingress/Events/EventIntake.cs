using System.Diagnostics.Metrics;
using AutoReply.Contracts;
using AutoReply.Contracts.Events;
using AutoReply.Ingress.Deduplication;
using AutoReply.ServiceDefaults.Logging;
using AutoReply.Messaging;
using MassTransit;
using Polly.CircuitBreaker;
using StackExchange.Redis;

namespace AutoReply.Ingress.Events;

public enum IntakeStatus
{
    Accepted,
    Duplicate,
    InFlight,
    BusUnavailable,
    DeduplicationUnavailable,

    /// <summary>Refused before intake: the posting workspace's key names another workspace's number.</summary>
    AnotherWorkspacesNumber,
}

/// <summary>
/// Puts a validated event on the bus exactly once per id within its workspace: claim the id,
/// publish with confirms, then remember it. The caller hears "accepted" only once the broker has
/// the message. Ids are the publisher's: two workspaces may both send an event "42".
/// </summary>
public sealed partial class EventIntake(
    EventIdRegistry registry,
    IPublishEndpoint bus,
    BrokerCircuit broker,
    IngressMetrics metrics,
    TimeProvider clock,
    ILogger<EventIntake> logger)
{
    /// <summary>
    /// How long a publish may wait for the broker's confirm (a broker restarting, or blocked on disk)
    /// before the client is answered 503; well inside the id's pending lease.
    /// </summary>
    public static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);

    /// <summary>How long a request waits for a concurrent request with the same id before answering 409.</summary>
    private static readonly TimeSpan InFlightPatience = TimeSpan.FromSeconds(5);

    /// <param name="workspaceId">The workspace whose key submitted it; none for the provider's inbound texts, which are the platform's own.</param>
    public async Task<IntakeStatus> AcceptAsync(ValidEvent e, Guid? workspaceId, CancellationToken cancellationToken)
    {
        if (broker.IsOpen)
        {
            metrics.Record(e.Type, IntakeStatus.BusUnavailable);
            return IntakeStatus.BusUnavailable;
        }
        var registryId = workspaceId is { } id ? $"{id:N}:{e.Id}" : e.Id;
        EventIdClaim claim;
        try
        {
            claim = await registry.ClaimOrAwaitAsync(registryId, InFlightPatience, cancellationToken);
        }
        catch (RedisException ex)
        {
            // Without the de-duplication store an event could be published twice: refuse it, the client retries.
            LogDeduplicationUnavailable(logger, ex, e.Id);
            metrics.Record(e.Type, IntakeStatus.DeduplicationUnavailable);
            return IntakeStatus.DeduplicationUnavailable;
        }
        if (claim.Outcome != ClaimOutcome.Claimed)
        {
            var status = claim.Outcome == ClaimOutcome.AlreadyPublished ? IntakeStatus.Duplicate : IntakeStatus.InFlight;
            metrics.Record(e.Type, status);
            return status;
        }

        // Not the request's token: a publish under way finishes and is remembered even if the client
        // went away. Bounded: past the timeout the client hears 503 and retries; if the broker had the
        // message after all, the retry publishes it again and rules decides the event id once.
        using var publishTimeout = new CancellationTokenSource(PublishTimeout, clock);
        try
        {
            await broker.PublishAsync(async token => await bus.PublishRoutedAsync(
                CommunicationEvents.Create(e.Type, e.Id, e.PhoneNumber, e.Contact, e.OccurredAt, e.Body),
                context =>
                {
                    if (workspaceId is not null)
                    {
                        context.Headers.Set(EventHeaders.Workspace, workspaceId.ToString());
                    }
                },
                token), publishTimeout.Token);
        }
        catch (BrokenCircuitException)
        {
            // Another request's failure opened the circuit meanwhile; it logged the reason.
            await registry.ReleaseAsync(claim, registryId);
            metrics.Record(e.Type, IntakeStatus.BusUnavailable);
            return IntakeStatus.BusUnavailable;
        }
        catch (Exception ex)
        {
            await registry.ReleaseAsync(claim, registryId);
            LogPublishFailed(logger, ex, e.Id, e.Type);
            metrics.Record(e.Type, IntakeStatus.BusUnavailable);
            return IntakeStatus.BusUnavailable;
        }

        try
        {
            await registry.MarkPublishedAsync(registryId);
        }
        catch (RedisException ex)
        {
            // The event is on the bus, so it is accepted. Only its id is not remembered: once the
            // pending lease runs out a repeat would be published again, and rules decides it once.
            LogNotRemembered(logger, ex, e.Id);
        }
        LogAccepted(logger, e.Id, e.Type, e.PhoneNumber, e.Contact);
        metrics.Record(e.Type, IntakeStatus.Accepted);
        return IntakeStatus.Accepted;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Accepted event {EventId} ({EventType}) for {PhoneNumber} from {Contact}")]
    private static partial void LogAccepted(ILogger logger, string eventId, EventType eventType, [PhoneNumber] string phoneNumber, [PhoneNumber] string contact);

    [LoggerMessage(Level = LogLevel.Error, Message = "Refused event {EventId}: Redis, which de-duplicates event ids, is unavailable")]
    private static partial void LogDeduplicationUnavailable(ILogger logger, Exception exception, string eventId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event {EventId} is on the bus but Redis did not record it as published")]
    private static partial void LogNotRemembered(ILogger logger, Exception exception, string eventId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not publish event {EventId} ({EventType}); the client may retry")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string eventId, EventType eventType);
}

public sealed class IngressMetrics
{
    public const string MeterName = "AutoReply.Ingress";
    private readonly Counter<long> events;

    public IngressMetrics(IMeterFactory meters)
    {
        events = meters.Create(MeterName).CreateCounter<long>("autoreply.ingress.events", unit: "{event}", description: "Communication events received, by type and result.");
    }

    public void Record(EventType type, IntakeStatus status) =>
        events.Add(1, new KeyValuePair<string, object?>("event.type", Vocabulary.Name(type)), new KeyValuePair<string, object?>("result", status.ToString().ToLowerInvariant()));

    public void RecordInvalid() =>
        events.Add(1, new KeyValuePair<string, object?>("result", "invalid"));
}
