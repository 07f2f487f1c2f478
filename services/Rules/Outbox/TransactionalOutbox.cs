using System.Diagnostics;
using System.Text.Json;
using AutoReply.Contracts.Commands;
using AutoReply.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using AutoReply.Domain.Data;
using AutoReply.Domain.Decisions;
using AutoReply.Domain.Outbox;
using AutoReply.Rules.Hosting;

namespace AutoReply.Rules.Outbox;

/// <summary>
/// The rules service's transactional outbox (MassTransit's needs MassTransit.EntityFrameworkCore,
/// which is not available here): a message is added to the caller's unit of work, sent right after
/// its commit, and only then deleted. What a crash, a broker outage or a refused send leaves behind,
/// <see cref="OutboxRelay"/> sends later, so a committed decision's command is never lost; a
/// message sent twice that way is sent to a consumer that keeps its effect once (the sender's
/// inbox is its send per decision id).
/// </summary>
public sealed partial class TransactionalOutbox(RulesDbContext db, ISendEndpointProvider sendEndpoints, TimeProvider clock, ILogger<TransactionalOutbox> logger)
{
    /// <summary>
    /// How long sends may wait for the broker's confirms. A confirm owed by a channel that died with
    /// its broker node may never come, and an evaluation waiting on it would hold every batch of its
    /// replica behind it; past this the messages are the relay's.
    /// </summary>
    public static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Adds <paramref name="message"/> to the current unit of work; it is saved with it.</summary>
    public OutboxMessage Add<T>(Uri destination, T message)
        where T : class
    {
        var entry = new OutboxMessage
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            Destination = destination.ToString(),
            MessageType = typeof(T).FullName!,
            Body = JsonSerializer.Serialize(message, JsonSerializerOptions.Web),
            CreatedAt = clock.GetUtcNow(),
            TraceParent = Activity.Current?.Id,
        };
        db.Outbox.Add(entry);
        return entry;
    }

    /// <summary>The send command of a decision that replies (at once, or at its due time), added to the current unit of work.</summary>
    public OutboxMessage AddReply(Decision decision) => Add(
        Queues.SendAutoReplyAddress,
        new SendAutoReply(decision.Id, decision.EventId, decision.PhoneNumber, decision.Contact, decision.Message!, decision.DecidedAt));

    /// <summary>
    /// Sends committed <paramref name="messages"/> and deletes them. A failure is logged and leaves
    /// them to the relay: the change that made them has committed, so its caller is done.
    /// </summary>
    public async Task DeliverAsync(IReadOnlyCollection<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return;
        }

        try
        {
            await SendAllAsync(messages, cancellationToken);
            db.Outbox.RemoveRange(messages);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            LogLeftForRelay(logger, messages.Count, ex);
        }
    }

    /// <summary>
    /// Sends and deletes up to <paramref name="limit"/> messages older than <paramref name="age"/>,
    /// locked so that replicas relaying at once share them out; the number relayed.
    /// </summary>
    public async Task<int> RelayOverdueAsync(TimeSpan age, int limit, CancellationToken cancellationToken)
    {
        var createdBefore = (clock.GetUtcNow() - age).ToUniversalTime();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var overdue = await db.Outbox
            .FromSql(
                $"""
                SELECT * FROM rules.outbox
                WHERE "CreatedAt" < {createdBefore}
                ORDER BY "CreatedAt"
                LIMIT {limit}
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(cancellationToken);
        if (overdue.Count == 0)
        {
            return 0;
        }
        using var traced = PollTracing.WorkFound("Relay overdue outbox messages", overdue.Count, overdue.Select(m => m.TraceParent));

        await SendAllAsync(overdue, cancellationToken);
        db.Outbox.RemoveRange(overdue);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogRelayed(logger, overdue.Count);
        return overdue.Count;
    }

    /// <summary>Every send at once, so their publisher confirms come back together; a <see cref="TimeoutException"/> past <see cref="SendTimeout"/>.</summary>
    private async Task SendAllAsync(IEnumerable<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sends = Task.WhenAll(messages.Select(async message =>
        {
            var endpoint = await sendEndpoints.GetSendEndpoint(new Uri(message.Destination));
            var type = typeof(SendAutoReply).Assembly.GetType(message.MessageType, throwOnError: true)!;
            // Routed: until the consumer has bound its queue the message is refused (and kept), not dropped.
            await endpoint.SendRoutedAsync(JsonSerializer.Deserialize(message.Body, type, JsonSerializerOptions.Web)!, giveUp.Token);
        }));
        try
        {
            // Not the token alone: a send waiting for a confirm that will never come does not always heed it.
            await sends.WaitAsync(SendTimeout, clock, cancellationToken);
        }
        catch (TimeoutException)
        {
            await giveUp.CancelAsync();
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} outbox messages could not be sent now; the outbox relay sends them")]
    private static partial void LogLeftForRelay(ILogger logger, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox relay sent {Count} overdue messages")]
    private static partial void LogRelayed(ILogger logger, int count);
}
