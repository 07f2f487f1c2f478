namespace AutoReply.Contracts.Events;

/// <summary>Where a send stands. Terminal states are <c>delivered</c>, <c>undelivered</c> and <c>failed</c>.</summary>
public static class DeliveryStates
{
    public const string Queued = "queued";
    public const string Sent = "sent";
    public const string Delivered = "delivered";
    public const string Undelivered = "undelivered";
    public const string Failed = "failed";

    /// <summary>
    /// The order states move in; a callback that arrives late never moves a send backwards.
    /// Terminal states share the last rank.
    /// </summary>
    public static int Rank(string state) => state switch
    {
        Queued => 1,
        Sent => 2,
        Delivered or Undelivered or Failed => 3,
        _ => 0,
    };

    public static bool IsKnown(string state) => Rank(state) > 0;
}

/// <summary>The sender's record of a send changed state (accepted by the provider, delivered, failed…).</summary>
public sealed record SendStateChanged(
    Guid DecisionId,
    string State,
    string? ProviderMessageId,
    string? ErrorCode,
    string? Error,
    DateTimeOffset ChangedAt);

/// <summary>The provider reported a message's delivery status (a status callback received by ingress).</summary>
public sealed record ProviderStatusReported(
    string ProviderMessageId,
    string Status,
    string? ErrorCode,
    DateTimeOffset ReportedAt);

/// <summary>A contact opted out of texts from a business number (the provider refused with 21610).</summary>
public sealed record ContactOptedOut(string PhoneNumber, string Contact, DateTimeOffset OptedOutAt, string Source);
