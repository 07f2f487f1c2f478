using AutoReply.Contracts;
using AutoReply.Contracts.Commands;
using AutoReply.Sender.Data;
using AutoReply.Sender.Provider;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace AutoReply.Sender.Delivery;

/// <summary>
/// Settles a send whose command used up its retries (MassTransit's <c>Fault&lt;SendAutoReply&gt;</c>):
/// one last look at the provider, in case an unanswered attempt did create the text, and otherwise
/// the send is <c>failed</c>, announced like any other outcome, so the decision log shows it.
/// </summary>
public sealed partial class SendFaultConsumer(
    SenderDbContext db,
    TwilioMessagesClient provider,
    TimeProvider clock,
    SenderMetrics metrics,
    ILogger<SendFaultConsumer> logger) : IConsumer<Fault<SendAutoReply>>
{
    public const string ProviderUnavailable = "provider_unavailable";
    public const string OutcomeUnknown = "outcome_unknown";

    public async Task Consume(ConsumeContext<Fault<SendAutoReply>> context)
    {
        var command = context.Message.Message;
        var send = await db.Sends.SingleOrDefaultAsync(s => s.DecisionId == command.DecisionId, context.CancellationToken);
        if (send is null || send.State != DeliveryState.Sending)
        {
            return;
        }

        var reason = context.Message.Exceptions.FirstOrDefault()?.Message ?? "The send kept failing.";
        SendOutcome.Apply(send, await SettleAsync(send, reason, context.CancellationToken), clock.GetUtcNow());
        await db.SaveChangesAsync(context.CancellationToken);
        metrics.RecordState(send.State);
        LogSettled(logger, send.DecisionId, send.State, send.ErrorCode, send.Attempts);
        await SendAnnouncements.AnnounceAsync(context, send);
    }

    private async Task<ProviderAnswer> SettleAsync(SendRecord send, string reason, CancellationToken cancellationToken)
    {
        var mayExist = send.OpenAttemptStartedAt is not null;
        if (send.FirstAttemptAt is not null)
        {
            try
            {
                if (await provider.FindSentAsync(SendAutoReplyConsumer.TextOf(send), send.FirstAttemptAt.Value, cancellationToken) is { } found)
                {
                    return found;
                }
                mayExist = false;
            }
            catch (Exception ex) when (ex is ProviderUnavailableException or ProviderOutcomeUnknownException)
            {
                // The provider still does not answer: whether an unanswered attempt created the text stays unknown.
            }
        }
        return mayExist
            ? new Rejected(OutcomeUnknown, $"Gave up after {send.Attempts} attempts; the last one got no answer, so the text may exist: {reason}")
            : new Rejected(ProviderUnavailable, $"Gave up after {send.Attempts} attempts: {reason}");
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Send {DecisionId} gave up as {State} ({ErrorCode}) after {Attempts} attempts")]
    private static partial void LogSettled(ILogger logger, Guid decisionId, DeliveryState state, string? errorCode, int attempts);
}
