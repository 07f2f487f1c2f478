namespace AutoReply.Contracts.Events;

/// <summary>The sender's record of a send changed state (accepted by the provider, delivered, failed…).</summary>
public sealed record SendStateChanged(
    Guid DecisionId,
    DeliveryState State,
    string? ProviderMessageId,
    string? ErrorCode,
    string? Error,
    DateTimeOffset ChangedAt);

/// <summary>The provider reported a message's delivery status (a status callback received by ingress).</summary>
public sealed record ProviderStatusReported(
    string ProviderMessageId,
    DeliveryState Status,
    string? ErrorCode,
    DateTimeOffset ReportedAt);

/// <summary>A contact opted out of texts from a business number (the provider refused with 21610).</summary>
public sealed record ContactOptedOut(string PhoneNumber, string Contact, DateTimeOffset OptedOutAt, OptOutSource Source);
