using System.Security.Claims;
using AutoReply.Contracts;
using AutoReply.Domain.Choices;
using AutoReply.Sms;
using AutoReply.Security;
using Microsoft.EntityFrameworkCore;
using AutoReply.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using AutoReply.Domain.Audit;
using AutoReply.Domain.AutoReplies;
using AutoReply.Domain.Data;
using AutoReply.Domain.Languages;
using AutoReply.Domain.Numbers;
using AutoReply.Domain.Templates;
using AutoReply.RulesApi.Audit;
using AutoReply.RulesApi.Numbers;
using AutoReply.RulesApi.Workspaces;

namespace AutoReply.RulesApi.AutoReplies;

/// <summary>The message in another language than the number's, for contacts who write in it.</summary>
public sealed record TranslationRequest(string? Language, string? Message);

/// <summary>A new auto-reply: its message in the number's language, and in others if given.</summary>
public sealed record CreateAutoReplyRequest(string? Trigger, string? Schedule, string? Message, string? Delay = null, List<TranslationRequest>? Translations = null)
    : IOpenApiExample<CreateAutoReplyRequest>
{
    public static CreateAutoReplyRequest Example => new("missed_call", "after_hours", "Thanks for calling {business_name}. We open {next_open}.", "PT1M",
        [new("fr", "Merci d'avoir appelé {business_name}. Nous ouvrons {next_open}.")]);
}

/// <summary>A new message, and a new delay and translations when given (absent keeps the current ones; an empty list removes the translations).</summary>
public sealed record EditAutoReplyRequest(string? Message, string? Delay = null, List<TranslationRequest>? Translations = null) : IOpenApiExample<EditAutoReplyRequest>
{
    public static EditAutoReplyRequest Example => new("Sorry we missed you! {business_name} is open {next_open}.");
}

/// <summary>A message in one language as the number's auto-reply would send it now.</summary>
public sealed record MessagePreview(ReplyLanguage Language, string Message, string Preview, string Encoding, int Segments);

/// <summary>
/// A message as the number's auto-reply would send it now, in the number's language, each
/// translation likewise, and the variables a message may use.
/// </summary>
public sealed record AutoReplyPreview(ReplyLanguage Language, string Preview, string Encoding, int Segments, IReadOnlyList<MessagePreview> Translations, IReadOnlyList<string> Variables);

public sealed record AutoReplyResponse(
    Guid Id,
    string PhoneNumber,
    Trigger Trigger,
    Schedule Schedule,
    string Message,
    string Delay,
    string Status,
    string Preview,
    string Conditions,
    string Encoding,
    int Segments,
    ReplyLanguage Language,
    IReadOnlyList<MessagePreview> Translations,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary><c>/v1/numbers/{phoneNumber}/auto-replies</c>: the six slots of a number (docs/http-api.md).</summary>
public static class AutoReplyEndpoints
{
    /// <summary>Listing shows active auto-replies only: a deleted one no longer exists.</summary>
    public const string ActiveStatus = "active";

    public static IEndpointRouteBuilder MapAutoReplyEndpoints(this IEndpointRouteBuilder routes)
    {
        var replies = routes.MapGroup("/v1/numbers/{phoneNumber}/auto-replies").WithTags("Auto-replies");
        replies.MapPost("", CreateAsync)
            .WithSummary("Fill one of the number's six slots with an auto-reply")
            .RequireScope(ApiScopes.ConfigWrite)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        replies.MapGet("", ListAsync).WithSummary("The number's active auto-replies, with preview, conditions and length")
            .RequireScope(ApiScopes.ConfigRead)
            .ProducesProblem(StatusCodes.Status404NotFound);
        replies.MapPost("/preview", PreviewAsync)
            .WithSummary("Render a message as the number would send it now, counted in SMS segments, without saving anything")
            .RequireScope(ApiScopes.ConfigRead)
            .ProducesProblem(StatusCodes.Status404NotFound);
        replies.MapPut("/{id:guid}", EditAsync).WithSummary("Change an auto-reply's message; the next reply uses it")
            .RequireScope(ApiScopes.ConfigWrite)
            .ProducesProblem(StatusCodes.Status404NotFound);
        replies.MapDelete("/{id:guid}", DeleteAsync).WithSummary("Delete an auto-reply: it stops at once, on every replica")
            .RequireScope(ApiScopes.ConfigWrite)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Results<Created<AutoReplyResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(string phoneNumber, CreateAutoReplyRequest? request, AutoReplyRequestValidator validator, [AsParameters] AuditedChange change)
    {
        var (user, db, audit, clock, cancellationToken) = change;
        var number = await db.Numbers.InWorkspaceOf(user).Include(n => n.AutoReplies).SingleOrDefaultAsync(n => n.PhoneNumber == phoneNumber, cancellationToken);
        if (number is null)
        {
            return NumberEndpoints.NumberNotFound(phoneNumber);
        }

        var validated = validator.Validate(request, number);
        if (!validated.IsValid)
        {
            return Problems.Invalid(validated.Errors);
        }
        var (trigger, schedule, message, delay, translations) = validated.Value;
        if (number.AutoReplies.Any(r => r.Trigger == trigger && r.Schedule == schedule))
        {
            return SlotFilled(trigger, schedule);
        }

        var now = clock.GetUtcNow();
        var reply = new AutoReplyDefinition
        {
            Id = Guid.CreateVersion7(now),
            PhoneNumber = phoneNumber,
            Trigger = trigger,
            Schedule = schedule,
            Message = message,
            Delay = delay,
            Translations = translations,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.AutoReplies.Add(reply);
        var body = ToResponse(reply, number, validator);
        audit.Record(user, number.WorkspaceId, AuditAction.AutoReplyCreated, reply.Id.ToString(), null, body);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation(RulesDbContext.AutoReplyPerSlotIndex))
        {
            // Another request filled the slot between the check above and this insert.
            return SlotFilled(reply.Trigger, reply.Schedule);
        }
        catch (DbUpdateException ex) when (ex.IsForeignKeyViolation())
        {
            // The number was deleted meanwhile.
            return NumberEndpoints.NumberNotFound(phoneNumber);
        }
        return TypedResults.Created($"/v1/numbers/{Uri.EscapeDataString(phoneNumber)}/auto-replies/{reply.Id}", body);
    }

    /// <summary>The web app's live preview: the checks and the counting of a save, and nothing stored.</summary>
    private static async Task<Results<Ok<AutoReplyPreview>, ValidationProblem, ProblemHttpResult>> PreviewAsync(string phoneNumber, EditAutoReplyRequest? request, AutoReplyRequestValidator validator, RulesDbContext db, [AsParameters] Caller caller)
    {
        var (user, cancellationToken) = caller;
        var number = await db.Numbers.InWorkspaceOf(user).AsNoTracking().SingleOrDefaultAsync(n => n.PhoneNumber == phoneNumber, cancellationToken);
        if (number is null)
        {
            return NumberEndpoints.NumberNotFound(phoneNumber);
        }
        var validated = validator.Validate(request, number);
        if (!validated.IsValid)
        {
            return Problems.Invalid(validated.Errors);
        }
        var preview = validator.Preview(validated.Value.Message, number.Language, number);
        var length = SmsEncoding.Measure(preview);
        return TypedResults.Ok(new AutoReplyPreview(number.Language, preview, length.Encoding, length.Segments,
            Previews(validated.Value.Translations ?? [], number, validator), MessageTemplate.Variables));
    }

    private static async Task<Results<Ok<IEnumerable<AutoReplyResponse>>, ProblemHttpResult>> ListAsync(string phoneNumber, ClaimsPrincipal user, AutoReplyRequestValidator validator, RulesDbContext db, CancellationToken cancellationToken)
    {
        var number = await db.Numbers.InWorkspaceOf(user).AsNoTracking().Include(n => n.AutoReplies)
            .SingleOrDefaultAsync(n => n.PhoneNumber == phoneNumber, cancellationToken);
        if (number is null)
        {
            return NumberEndpoints.NumberNotFound(phoneNumber);
        }
        var slots = number.AutoReplies
            .OrderBy(r => r.Trigger)
            .ThenBy(r => r.Schedule)
            .Select(r => ToResponse(r, number, validator));
        return TypedResults.Ok(slots);
    }

    private static async Task<Results<Ok<AutoReplyResponse>, ValidationProblem, ProblemHttpResult>> EditAsync(string phoneNumber, Guid id, EditAutoReplyRequest? request, AutoReplyRequestValidator validator, [AsParameters] AuditedChange change)
    {
        var (user, db, audit, clock, cancellationToken) = change;
        var number = await db.Numbers.InWorkspaceOf(user).Include(n => n.AutoReplies).SingleOrDefaultAsync(n => n.PhoneNumber == phoneNumber, cancellationToken);
        var reply = number?.AutoReplies.SingleOrDefault(r => r.Id == id);
        if (number is null || reply is null)
        {
            return AutoReplyNotFound(phoneNumber, id);
        }

        var validated = validator.Validate(request, number);
        if (!validated.IsValid)
        {
            return Problems.Invalid(validated.Errors);
        }

        var before = ToResponse(reply, number, validator);
        reply.Message = validated.Value.Message;
        reply.Delay = validated.Value.Delay ?? reply.Delay;
        reply.Translations = validated.Value.Translations ?? reply.Translations;
        reply.UpdatedAt = clock.GetUtcNow();
        var body = ToResponse(reply, number, validator);
        audit.Record(user, number.WorkspaceId, AuditAction.AutoReplyUpdated, reply.Id.ToString(), before, body);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Deleted by another request after we read it: the delete wins, as the product says it stops at once.
            return AutoReplyNotFound(phoneNumber, id);
        }
        return TypedResults.Ok(body);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string phoneNumber, Guid id, AutoReplyRequestValidator validator, [AsParameters] AuditedChange change)
    {
        var (user, db, audit, _, cancellationToken) = change;
        var number = await db.Numbers.InWorkspaceOf(user).Include(n => n.AutoReplies).SingleOrDefaultAsync(n => n.PhoneNumber == phoneNumber, cancellationToken);
        var reply = number?.AutoReplies.SingleOrDefault(r => r.Id == id);
        if (number is null || reply is null)
        {
            return AutoReplyNotFound(phoneNumber, id);
        }

        db.AutoReplies.Remove(reply);
        audit.Record(user, number.WorkspaceId, AuditAction.AutoReplyDeleted, reply.Id.ToString(), ToResponse(reply, number, validator), null);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Deleted by another request after we read it: it is gone either way.
            return AutoReplyNotFound(phoneNumber, id);
        }
        return TypedResults.NoContent();
    }

    private static AutoReplyResponse ToResponse(AutoReplyDefinition reply, BusinessNumber number, AutoReplyRequestValidator validator)
    {
        var preview = validator.Preview(reply.Message, number.Language, number);
        var length = SmsEncoding.Measure(preview);
        return new AutoReplyResponse(
            reply.Id, reply.PhoneNumber, reply.Trigger, reply.Schedule, reply.Message, IsoDuration.Format(reply.Delay), ActiveStatus,
            preview, SlotDescriptions.Describe(reply.Trigger, reply.Schedule), length.Encoding, length.Segments,
            number.Language, Previews(reply.Translations, number, validator), reply.CreatedAt, reply.UpdatedAt);
    }

    private static List<MessagePreview> Previews(IEnumerable<Translation> translations, BusinessNumber number, AutoReplyRequestValidator validator) =>
        [.. translations.OrderBy(t => t.Language).Select(t =>
        {
            var preview = validator.Preview(t.Message, t.Language, number);
            var length = SmsEncoding.Measure(preview);
            return new MessagePreview(t.Language, t.Message, preview, length.Encoding, length.Segments);
        })];

    private static ProblemHttpResult SlotFilled(Trigger trigger, Schedule schedule) =>
        Problems.Conflict($"{SlotDescriptions.Describe(trigger, schedule)} already has an auto-reply; edit it or delete it first.");

    private static ProblemHttpResult AutoReplyNotFound(string phoneNumber, Guid id) =>
        Problems.NotFound($"{phoneNumber} has no auto-reply {id}.");
}
