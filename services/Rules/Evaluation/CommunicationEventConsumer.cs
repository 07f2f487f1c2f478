using AutoReply.Contracts;
using AutoReply.Contracts.Events;
using MassTransit;

namespace AutoReply.Rules.Evaluation;

/// <summary>
/// Takes the communication events off the bus: inbound ones are evaluated for an auto-reply,
/// outbound ones (the business calling or texting by hand) are remembered as recent activity.
/// </summary>
public sealed class CommunicationEventConsumer(AutoReplyEvaluator evaluator, IContactActivityStore activity) :
    IConsumer<CallMissed>,
    IConsumer<VoicemailReceived>,
    IConsumer<MessageReceived>,
    IConsumer<CallPlaced>,
    IConsumer<MessageSent>
{
    public Task Consume(ConsumeContext<CallMissed> context) => EvaluateAsync(context.Message, body: null, context.CancellationToken);

    public Task Consume(ConsumeContext<VoicemailReceived> context) => EvaluateAsync(context.Message, body: null, context.CancellationToken);

    public Task Consume(ConsumeContext<MessageReceived> context) => EvaluateAsync(context.Message, context.Message.Body, context.CancellationToken);

    public Task Consume(ConsumeContext<CallPlaced> context) => RememberOutboundAsync(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<MessageSent> context) => RememberOutboundAsync(context.Message, context.CancellationToken);

    private async Task EvaluateAsync(ICommunicationEvent e, string? body, CancellationToken cancellationToken)
    {
        var type = CommunicationEvents.TypeOf(e);
        await evaluator.EvaluateAsync(new InboundEvent(e.EventId, type, type.TriggerOf()!.Value, e.PhoneNumber, e.Contact, e.OccurredAt, body), cancellationToken);
    }

    private Task RememberOutboundAsync(ICommunicationEvent e, CancellationToken cancellationToken) =>
        activity.RecordOutboundAsync(e.PhoneNumber, e.Contact, e.OccurredAt, cancellationToken);
}
