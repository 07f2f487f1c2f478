using AutoReply.Contracts;
using AutoReply.Contracts.Events;
using MassTransit;
using AutoReply.Domain.Policy;
using AutoReply.Domain.Facts;

namespace AutoReply.Rules.Evaluation;

/// <summary>
/// Takes the communication events off the bus in batches: inbound ones are evaluated for an
/// auto-reply, outbound ones (the business calling or texting by hand) are remembered as recent
/// activity. A batch fails or succeeds whole, and every step is idempotent per event id, so a
/// redelivered batch changes nothing twice. While PostgreSQL is out, batches wait for it in the
/// order they were consumed (<see cref="InOrderRecovery"/>).
/// </summary>
public sealed class CommunicationEventConsumer(
    GroupCommit groups,
    IContactActivityStore activity,
    NumberOwnership ownership,
    InOrderRecovery recovery,
    TimeProvider clock) :
    IConsumer<Batch<CallMissed>>,
    IConsumer<Batch<VoicemailReceived>>,
    IConsumer<Batch<MessageReceived>>,
    IConsumer<Batch<CallPlaced>>,
    IConsumer<Batch<MessageSent>>
{
    public Task Consume(ConsumeContext<Batch<CallMissed>> context) => EvaluateAsync(context, body: _ => null);

    public Task Consume(ConsumeContext<Batch<VoicemailReceived>> context) => EvaluateAsync(context, body: _ => null);

    public Task Consume(ConsumeContext<Batch<MessageReceived>> context) => EvaluateAsync(context, body: m => m.Body);

    public Task Consume(ConsumeContext<Batch<CallPlaced>> context) => RememberOutboundAsync(context);

    public Task Consume(ConsumeContext<Batch<MessageSent>> context) => RememberOutboundAsync(context);

    private Task EvaluateAsync<T>(ConsumeContext<Batch<T>> context, Func<T, string?> body)
        where T : class, ICommunicationEvent
    {
        List<InboundEvent> events = [.. context.Message.Select(m => Inbound(m.Message, body(m.Message), SubmittedBy(m)))];
        return recovery.RunAsync(clock.GetTimestamp(), ct => groups.EvaluateAsync(events, ct), context.CancellationToken);
    }

    private Task RememberOutboundAsync<T>(ConsumeContext<Batch<T>> context)
        where T : class, ICommunicationEvent
    {
        List<Submitted<OutboundContact>> contacts = [.. context.Message.Select(m => new Submitted<OutboundContact>(
            SubmittedBy(m), m.Message.PhoneNumber, new OutboundContact(new ContactKey(m.Message.PhoneNumber, m.Message.Contact), m.Message.OccurredAt.ToUniversalTime())))];
        return recovery.RunAsync(clock.GetTimestamp(), async ct =>
        {
            var own = await ownership.KeepOwnAsync(contacts, ct);
            if (own.Count > 0)
            {
                await activity.RecordOutboundAsync(own, ct);
            }
        }, context.CancellationToken);
    }

    private static InboundEvent Inbound(ICommunicationEvent e, string? body, Guid? workspaceId)
    {
        var type = CommunicationEvents.TypeOf(e);
        // Publishers may state any offset; PostgreSQL's timestamptz takes UTC only.
        return new InboundEvent(e.EventId, type, type.TriggerOf()!.Value, e.PhoneNumber, e.Contact, e.OccurredAt.ToUniversalTime(), body, workspaceId);
    }

    private static Guid? SubmittedBy(ConsumeContext context) =>
        Guid.TryParse(context.Headers.Get<string>(EventHeaders.Workspace), out var workspaceId) ? workspaceId : null;
}
