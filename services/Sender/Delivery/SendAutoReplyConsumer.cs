using AutoReply.Contracts;
using AutoReply.Contracts.Commands;
using AutoReply.Sender.Data;
using AutoReply.Sender.Provider;
using AutoReply.ServiceDefaults.Logging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AutoReply.Sender.Delivery;

/// <summary>
/// Delivers one auto-reply. The send is recorded before the provider is called and its outcome
/// after, so that whatever happens in between (a redelivered command, a crash before the ack, an
/// unanswered request) ends with at most one text: a send that may have reached the provider is
/// looked up there before anything is sent again, and the provider sees the same idempotency key.
/// </summary>
public sealed partial class SendAutoReplyConsumer(
    SenderDbContext db,
    TwilioMessagesClient provider,
    IOptions<ProviderOptions> options,
    TimeProvider clock,
    SenderMetrics metrics,
    ILogger<SendAutoReplyConsumer> logger) : IConsumer<SendAutoReply>
{
    /// <summary>How long an unfinished attempt may still be talking to the provider (with a margin for clocks).</summary>
    private TimeSpan AttemptInFlightFor => options.Value.LongestAttempt + TimeSpan.FromSeconds(5);

    public async Task Consume(ConsumeContext<SendAutoReply> context)
    {
        var (send, isNew) = await FindOrRecordAsync(context.Message, context.CancellationToken);
        if (isNew)
        {
            // Recorded with its first attempt under way: nothing can have been sent for it before.
            await DeliverAsync(context, send, await AskProviderAsync(send, context.CancellationToken));
            return;
        }

        var earlier = await LookUpEarlierAttemptsAsync(send, context.CancellationToken);
        if (earlier is null && await WaitOutOpenAttemptAsync(send, context.CancellationToken))
        {
            earlier = await LookUpEarlierAttemptsAsync(send, context.CancellationToken);
        }
        if (send.State != DeliveryState.Sending)
        {
            // Already answered by the provider: say so again (the first announcement may be what was lost).
            await SendAnnouncements.AnnounceAsync(context, send);
            return;
        }

        await DeliverAsync(context, send, earlier ?? await CallProviderAsync(send, context.CancellationToken));
    }

    /// <summary>Records the provider's answer and announces the send's new state.</summary>
    private async Task DeliverAsync(ConsumeContext<SendAutoReply> context, SendRecord send, ProviderAnswer answer)
    {
        SendOutcome.Apply(send, answer, clock.GetUtcNow());
        await db.SaveChangesAsync(CancellationToken.None);
        metrics.RecordState(send.State);
        LogOutcome(logger, send.DecisionId, send.State, send.ErrorCode, send.To);
        await SendAnnouncements.AnnounceAsync(context, send);
    }

    /// <summary>A text an earlier attempt of this send may have created, found at the provider by its idempotency key.</summary>
    private async Task<ProviderAnswer?> LookUpEarlierAttemptsAsync(SendRecord send, CancellationToken cancellationToken) =>
        send.State == DeliveryState.Sending && send.FirstAttemptAt is { } firstAttemptAt
            ? await provider.FindSentAsync(TextOf(send), firstAttemptAt, cancellationToken)
            : null;

    /// <summary>
    /// Another delivery of this command (a redelivery after a crash, or one still running elsewhere)
    /// may have an attempt waiting for the provider: sending now could text twice. Waits until that
    /// attempt must be over, then reads the send again. The wait is bounded by the provider's
    /// options alone, not by any retry setting.
    /// </summary>
    /// <returns>Whether it waited.</returns>
    private async Task<bool> WaitOutOpenAttemptAsync(SendRecord send, CancellationToken cancellationToken)
    {
        var remaining = send.OpenAttemptStartedAt + AttemptInFlightFor - clock.GetUtcNow();
        if (send.State != DeliveryState.Sending || remaining is not { } wait || wait <= TimeSpan.Zero)
        {
            return false;
        }
        LogWaiting(logger, send.DecisionId, wait);
        await Task.Delay(wait, clock, cancellationToken);
        await db.Entry(send).ReloadAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Calls the provider. An unavailable provider or an unanswered request is an exception: the
    /// command is retried, and once the retries are spent <see cref="SendFaultConsumer"/> settles it.
    /// </summary>
    private async Task<ProviderAnswer> CallProviderAsync(SendRecord send, CancellationToken cancellationToken)
    {
        StartAttempt(send, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await AskProviderAsync(send, cancellationToken);
    }

    /// <summary>Marks an attempt under way; saved before the provider is asked, so a redelivery waits for it.</summary>
    private static void StartAttempt(SendRecord send, DateTimeOffset now)
    {
        send.Attempts++;
        send.FirstAttemptAt ??= now;
        send.OpenAttemptStartedAt = now;
        send.UpdatedAt = now;
    }

    private async Task<ProviderAnswer> AskProviderAsync(SendRecord send, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        try
        {
            return await provider.SendAsync(TextOf(send), cancellationToken);
        }
        catch (ProviderUnavailableException)
        {
            // The provider did not take the message: this attempt is over, the next one needs no wait.
            send.OpenAttemptStartedAt = null;
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            metrics.RecordProviderCall(clock.GetElapsedTime(started));
        }
    }

    /// <summary>The send of this command, recorded with its first attempt under way unless a delivery recorded it before.</summary>
    private async Task<(SendRecord Send, bool IsNew)> FindOrRecordAsync(SendAutoReply command, CancellationToken cancellationToken)
    {
        var existing = await db.Sends.SingleOrDefaultAsync(s => s.DecisionId == command.DecisionId, cancellationToken);
        if (existing is not null)
        {
            return (existing, false);
        }

        var now = clock.GetUtcNow();
        var send = new SendRecord
        {
            DecisionId = command.DecisionId,
            EventId = command.EventId,
            From = command.From,
            To = command.To,
            Body = command.Body,
            State = DeliveryState.Sending,
            CreatedAt = now,
        };
        StartAttempt(send, now);
        if (await db.TryInsertAsync(send, SenderDbContext.SendPerDecisionKey, cancellationToken))
        {
            return (send, true);
        }
        return (await db.Sends.SingleAsync(s => s.DecisionId == command.DecisionId, cancellationToken), false);
    }

    /// <summary>The text of a send, as every attempt and every look-up presents it to the provider.</summary>
    public static OutgoingText TextOf(SendRecord send) => new(send.From, send.To, send.Body, IdempotencyKey(send.DecisionId));

    /// <summary>Derived from the decision, so every attempt for one decision carries the same key.</summary>
    public static string IdempotencyKey(Guid decisionId) => $"autoreply-{decisionId:N}";

    [LoggerMessage(Level = LogLevel.Information, Message = "Send {DecisionId} has an attempt that may still be under way; waiting {Wait} before looking it up")]
    private static partial void LogWaiting(ILogger logger, Guid decisionId, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Send {DecisionId} is {State} {ErrorCode} to {Contact}")]
    private static partial void LogOutcome(ILogger logger, Guid decisionId, DeliveryState state, string? errorCode, [PhoneNumber] string contact);
}
