using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace AutoReply.SmsSandbox;

/// <summary>An accepted message on its way to the handset, and the error that will stop it, if any.</summary>
public sealed record DeliveryJob(string Sid, int? DeliveryErrorCode);

/// <summary>
/// Plays the carrier: each accepted message goes queued → sent → delivered (or undelivered/failed),
/// one status change every <see cref="SandboxOptions.StatusCallbackDelayMs"/>, and each change is
/// posted to the message's status callback before the next one, so callbacks arrive in order.
/// </summary>
public sealed partial class StatusCallbackDispatcher(
    MessageStore store,
    StatusCallbackSender sender,
    TimeProvider clock,
    IOptions<SandboxOptions> options,
    ILogger<StatusCallbackDispatcher> logger) : BackgroundService
{
    // Messages progress side by side, as on a real network; this bounds how many at once.
    private const int ConcurrentDeliveries = 32;

    private readonly Channel<DeliveryJob> _jobs = Channel.CreateUnbounded<DeliveryJob>();

    public void Enqueue(DeliveryJob job) => _jobs.Writer.TryWrite(job);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Parallel.ForEachAsync(
        _jobs.Reader.ReadAllAsync(stoppingToken),
        new ParallelOptions { MaxDegreeOfParallelism = ConcurrentDeliveries, CancellationToken = stoppingToken },
        DeliverAsync);

    private async ValueTask DeliverAsync(DeliveryJob job, CancellationToken cancellationToken)
    {
        if (await AdvanceAsync(job.Sid, MessageStatus.Sent, errorCode: null, cancellationToken) is not { } sent)
        {
            return;
        }
        await sender.SendAsync(sent, cancellationToken);

        if (await AdvanceAsync(job.Sid, MessageStatus.Final(job.DeliveryErrorCode), job.DeliveryErrorCode, cancellationToken) is not { } final)
        {
            return;
        }
        await sender.SendAsync(final, cancellationToken);
    }

    /// <summary>Waits the carrier's delay, then moves the message on; null when it was cleared from the store meanwhile.</summary>
    private async Task<SandboxMessage?> AdvanceAsync(string sid, string status, int? errorCode, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(options.Value.StatusCallbackDelayMs), clock, cancellationToken);
        var advanced = store.Advance(sid, status, errorCode, clock.GetUtcNow());
        if (advanced is not null && errorCode is { } code)
        {
            LogNotDelivered(logger, sid, status, code);
        }
        else if (advanced is not null)
        {
            LogAdvanced(logger, sid, status);
        }
        return advanced;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageSid} is {MessageStatus}")]
    private static partial void LogAdvanced(ILogger logger, string messageSid, string messageStatus);

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageSid} is {MessageStatus} with error {ErrorCode}")]
    private static partial void LogNotDelivered(ILogger logger, string messageSid, string messageStatus, int errorCode);
}
