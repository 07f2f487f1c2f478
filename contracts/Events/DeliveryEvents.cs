namespace AutoReply.Contracts.Events;

/// <summary>The sender's record of a send changed state (accepted by the provider, delivered, failed…).</summary>
/// <param name="DecisionId">The decision whose send it is.</param>
/// <param name="State">The send's new state.</param>
/// <param name="ProviderMessageId">The provider's id of the text, once it has one.</param>
/// <param name="ErrorCode">The provider's error code (or <c>provider_unavailable</c>, <c>outcome_unknown</c>) of a send that did not go out.</param>
/// <param name="Error">The error in words.</param>
/// <param name="ChangedAt">When the state changed.</param>
public sealed record SendStateChanged(
    Guid DecisionId,
    DeliveryState State,
    string? ProviderMessageId,
    string? ErrorCode,
    string? Error,
    DateTimeOffset ChangedAt);

/// <summary>The provider reported a message's delivery status (a status callback received by ingress).</summary>
/// <param name="ProviderMessageId">The provider's id of the text.</param>
/// <param name="Status">The status reported.</param>
/// <param name="ErrorCode">The provider's error code, if any.</param>
/// <param name="ReportedAt">When ingress received the report.</param>
public sealed record ProviderStatusReported(
    string ProviderMessageId,
    DeliveryState Status,
    string? ErrorCode,
    DateTimeOffset ReportedAt);

/// <summary>A contact opted out of texts from a business number (the provider refused with 21610).</summary>
/// <param name="PhoneNumber">The business number, E.164.</param>
/// <param name="Contact">The contact who opted out, E.164.</param>
/// <param name="OptedOutAt">When the opt-out was learned.</param>
/// <param name="Source">How the contact opted out.</param>
public sealed record ContactOptedOut(string PhoneNumber, string Contact, DateTimeOffset OptedOutAt, OptOutSource Source);
