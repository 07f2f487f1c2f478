using AutoReply.ServiceDefaults.Http;

namespace AutoReply.Ingress.Events;

/// <summary>One communication event as posted to <c>POST /v1/events</c> (docs/http-api.md).</summary>
public sealed record EventRequest(
    string? Id,
    string? Type,
    string? PhoneNumber,
    string? Contact,
    string? OccurredAt,
    string? Body = null) : IOpenApiExample<EventRequest>
{
    public static EventRequest Example => new("pbx-42-7781", "call.missed", "+14155550100", "+14155550199", "2026-11-24T18:05:00Z", null);
}

/// <summary>The answer for one accepted event.</summary>
public sealed record EventAccepted(string Id, bool Duplicate) : IOpenApiExample<EventAccepted>
{
    public static EventAccepted Example => new("pbx-42-7781", Duplicate: false);
}

/// <summary>One item of a batch answer, in the order of the request.</summary>
public sealed record BatchItemResult(
    string? Id,
    int Status,
    bool? Duplicate,
    string? Error,
    IDictionary<string, string[]>? Errors);
