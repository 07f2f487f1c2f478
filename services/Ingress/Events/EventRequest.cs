namespace AutoReply.Ingress.Events;

/// <summary>One communication event as posted to <c>POST /v1/events</c> (API.md).</summary>
public sealed record EventRequest(
    string? Id,
    string? Type,
    string? PhoneNumber,
    string? Contact,
    string? OccurredAt,
    string? Body);

/// <summary>The answer for one accepted event.</summary>
public sealed record EventAccepted(string Id, bool Duplicate);

/// <summary>One item of a batch answer, in the order of the request.</summary>
public sealed record BatchItemResult(
    string? Id,
    int Status,
    bool? Duplicate,
    string? Error,
    IDictionary<string, string[]>? Errors);
