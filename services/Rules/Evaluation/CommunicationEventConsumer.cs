using AutoReply.Contracts.Events;
using AutoReply.Rules.AutoReplies;
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
    public Task Consume(ConsumeContext<CallMissed> context) =>
        EvaluateAsync(context.Message, "call.missed", Triggers.MissedCall, body: null, context.CancellationToken);

    public Task Consume(ConsumeContext<VoicemailReceived> context) =>
        EvaluateAsync(context.Message, "voicemail.received", Triggers.Voicemail, body: null, context.CancellationToken);

    public Task Consume(ConsumeContext<MessageReceived> context) =>
        EvaluateAsync(context.Message, "message.received", Triggers.Message, context.Message.Body, context.CancellationToken);

    public Task Consume(ConsumeContext<CallPlaced> context) => RememberOutboundAsync(context.Message);

    public Task Consume(ConsumeContext<MessageSent> context) => RememberOutboundAsync(context.Message);

    private async Task EvaluateAsync(ICommunicationEvent e, string eventType, string trigger, string? body, CancellationToken cancellationToken) =>
        await evaluator.EvaluateAsync(new InboundEvent(e.EventId, eventType, trigger, e.PhoneNumber, e.Contact, e.OccurredAt, body), cancellationToken);

    private Task RememberOutboundAsync(ICommunicationEvent e) => activity.RecordOutboundAsync(e.PhoneNumber, e.Contact, e.OccurredAt);
}
