using AutoReply.Contracts.Events;
using AutoReply.Sender.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace AutoReply.Sender.Delivery;

/// <summary>
/// Applies the provider's status callbacks to the sends. Callbacks may arrive late or out of
/// order; a state only ever moves forward.
/// </summary>
public sealed class ProviderStatusConsumer(SenderDbContext db, TimeProvider clock, SenderMetrics metrics) : IConsumer<ProviderStatusReported>
{
    public async Task Consume(ConsumeContext<ProviderStatusReported> context)
    {
        var report = context.Message;
        // The callback can overtake the provider's answer to the send; the retry finds the send once it is saved.
        var send = await db.Sends.SingleOrDefaultAsync(s => s.ProviderMessageId == report.ProviderMessageId, context.CancellationToken)
            ?? throw new InvalidOperationException($"No send with provider message id {report.ProviderMessageId} yet.");

        if (DeliveryStates.Rank(report.Status) <= DeliveryStates.Rank(send.State))
        {
            return;
        }

        send.State = report.Status;
        send.ErrorCode = report.ErrorCode ?? send.ErrorCode;
        send.Error = report.ErrorCode is null ? send.Error : $"The provider reported {report.Status} with error {report.ErrorCode}.";
        send.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(context.CancellationToken);
        metrics.RecordState(send.State);

        await SendAnnouncements.AnnounceAsync(context, send);
    }
}
