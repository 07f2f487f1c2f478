using AutoReply.Contracts;
using AutoReply.Contracts.Events;
using AutoReply.Sender.Data;
using AutoReply.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace AutoReply.Sender.Delivery;

/// <summary>
/// Applies the provider's status callbacks to the sends. Callbacks may arrive late or out of
/// order; a state only ever moves forward.
/// </summary>
public sealed class ProviderStatusConsumer(SenderDbContext db, TimeProvider clock, SenderMetrics metrics, ILogger<ProviderStatusConsumer> logger)
    : IConsumer<ProviderStatusReported>
{
    /// <summary>How long a callback waits for its send to be recorded before it is taken to be about someone else's message.</summary>
    public static readonly TimeSpan UnmatchedCallbackPatience = TimeSpan.FromMinutes(1);

    public async Task Consume(ConsumeContext<ProviderStatusReported> context)
    {
        var report = context.Message;
        var send = await db.Sends.SingleOrDefaultAsync(s => s.ProviderMessageId == report.ProviderMessageId, context.CancellationToken);
        if (send is null)
        {
            // A callback can overtake the provider's answer to the send: retrying finds the send once
            // it is saved. A callback still unmatched after that is about a message AutoReply never sent.
            if (clock.GetUtcNow() - report.ReportedAt < UnmatchedCallbackPatience)
            {
                throw new MessageArrivedEarlyException($"No send with provider message id {report.ProviderMessageId} yet.");
            }
            logger.LogWarning("Dropped a status callback for provider message {ProviderMessageId}: no send has that id", report.ProviderMessageId);
            return;
        }

        if (!DeliveryStates.IsForward(send.State, report.Status))
        {
            return;
        }

        send.State = report.Status;
        send.ErrorCode = report.ErrorCode ?? send.ErrorCode;
        send.Error = report.ErrorCode is null ? send.Error : $"The provider reported {Vocabulary.Name(report.Status)} with error {report.ErrorCode}.";
        send.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(context.CancellationToken);
        metrics.RecordState(send.State);

        await SendAnnouncements.AnnounceAsync(context, send);
    }
}
