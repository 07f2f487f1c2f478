using System.Globalization;
using AutoReply.Contracts;
using AutoReply.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using AutoReply.Security;
using Microsoft.EntityFrameworkCore;
using AutoReply.Domain.Data;
using AutoReply.RulesApi.Workspaces;

namespace AutoReply.RulesApi.Decisions;

public sealed record DecisionResponse(
    Guid Id,
    string EventId,
    EventType EventType,
    string PhoneNumber,
    string Contact,
    Trigger? Trigger,
    Outcome Outcome,
    SuppressionReason? Reason,
    Guid? AutoReplyId,
    DateTimeOffset OccurredAt,
    DateTimeOffset DecidedAt,
    DateTimeOffset? DueAt,
    string? Message,
    ReplyLanguage? Language,
    LanguageReason? LanguageReason,
    DeliveryState? State,
    string? ErrorCode,
    string? Error,
    string? ProviderMessageId) : IOpenApiExample<DecisionResponse>
{
    public static DecisionResponse Example => new(
        Guid.Parse("0193a6f0-5b2c-7d41-9e0f-2b7c1d9a4e10"), "pbx-42-7781", AutoReply.Contracts.EventType.CallMissed, "+14155550100", "+14155550199",
        AutoReply.Contracts.Trigger.MissedCall, AutoReply.Contracts.Outcome.Sent, null, Guid.Parse("0193a6e1-0c11-7a52-8f3d-5e6a7b8c9d01"),
        DateTimeOffset.Parse("2026-11-24T23:05:00Z", CultureInfo.InvariantCulture), DateTimeOffset.Parse("2026-11-24T23:05:01Z", CultureInfo.InvariantCulture), null,
        "Thanks for calling Acme Dental. We open Monday at 9:00 AM.", ReplyLanguage.English, AutoReply.Contracts.LanguageReason.ContactLanguageUnknown, DeliveryState.Delivered, null, null, "SM0123456789abcdef0123456789abcdef");
}

/// <summary><c>GET /v1/decisions</c>: why did this contact (not) get a reply? Newest first, paged.</summary>
public static class DecisionEndpoints
{
    public static IEndpointRouteBuilder MapDecisionEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/decisions", ListAsync).WithTags("Decisions")
            .WithSummary("Decisions by number, contact or event id, newest first: why a contact did or did not get a reply")
            .RequireScope(ApiScopes.DecisionsRead);
        return routes;
    }

    private static async Task<Results<Ok<List<DecisionResponse>>, ValidationProblem>> ListAsync(
        [AsParameters] DecisionQuery filters, DecisionQueryValidator validator, RulesDbContext db, [AsParameters] Caller caller)
    {
        var validated = validator.Validate(filters);
        if (!validated.IsValid)
        {
            return Problems.Invalid(validated.Errors);
        }
        var ((phoneNumber, contact, eventId, limit, offset), (user, cancellationToken)) = (filters, caller);

        var query = db.Decisions.InWorkspaceOf(user).AsNoTracking();
        if (!string.IsNullOrEmpty(phoneNumber))
        {
            query = query.Where(d => d.PhoneNumber == phoneNumber);
        }
        if (!string.IsNullOrEmpty(contact))
        {
            query = query.Where(d => d.Contact == contact);
        }
        if (!string.IsNullOrEmpty(eventId))
        {
            query = query.Where(d => d.EventId == eventId);
        }

        var decisions = await query
            .OrderByDescending(d => d.DecidedAt).ThenByDescending(d => d.Id)
            .Skip(offset).Take(limit)
            .Select(d => new DecisionResponse(
                d.Id, d.EventId, d.EventType, d.PhoneNumber, d.Contact, d.Trigger, d.Outcome, d.Reason, d.AutoReplyId,
                d.OccurredAt, d.DecidedAt, d.DueAt, d.Message, d.Language, d.LanguageReason,
                d.SendState,
                d.SendErrorCode, d.SendError, d.ProviderMessageId))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(decisions);
    }
}
