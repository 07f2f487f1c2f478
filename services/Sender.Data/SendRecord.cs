using AutoReply.Contracts;

namespace AutoReply.Sender.Data;

/// <summary>
/// One auto-reply text, keyed by the decision it delivers. The row is written before the provider
/// is called, so a crash or a redelivery finds it and never sends a second text.
/// </summary>
public sealed class SendRecord
{
    public Guid DecisionId { get; init; }

    public required string EventId { get; init; }

    public required string From { get; init; }

    public required string To { get; init; }

    public required string Body { get; init; }

    /// <summary><see cref="DeliveryState.Sending"/> until the provider answers.</summary>
    public required DeliveryState State { get; set; }

    public string? ProviderMessageId { get; set; }

    public string? ErrorCode { get; set; }

    public string? Error { get; set; }

    /// <summary>Calls made to the provider for this send, across redeliveries.</summary>
    public int Attempts { get; set; }

    /// <summary>When the first call to the provider started; from then on the provider may hold the message.</summary>
    public DateTimeOffset? FirstAttemptAt { get; set; }

    /// <summary>
    /// When the attempt that has not ended yet started. Cleared when an attempt ends with the
    /// provider not having taken the message; left set by a crash or an unanswered request, so
    /// that a redelivery waits until that attempt must be over before it looks up and resends.
    /// </summary>
    public DateTimeOffset? OpenAttemptStartedAt { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public uint Version { get; set; }
}
