using System.Security.Claims;
using AutoReply.Security;
using AutoReply.ServiceDefaults.Validation;
using Microsoft.EntityFrameworkCore;
using AutoReply.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using AutoReply.Domain.Audit;
using AutoReply.Domain.Data;
using AutoReply.Domain.Numbers;
using AutoReply.RulesApi.Audit;
using AutoReply.RulesApi.Workspaces;

namespace AutoReply.RulesApi.Numbers;

/// <summary><c>/v1/numbers/{phoneNumber}</c>: a business number's settings (docs/http-api.md).</summary>
public static class NumberEndpoints
{
    public static IEndpointRouteBuilder MapNumberEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/numbers", ListAsync).WithTags("Numbers")
            .WithSummary("The workspace's numbers by name, each with how many auto-replies it has on; q finds them by part of their name or number")
            .RequireScope(ApiScopes.ConfigRead);
        var numbers = routes.MapGroup("/v1/numbers/{phoneNumber}").WithTags("Numbers");
        numbers.MapPut("", PutAsync)
            .WithSummary("Create or replace a business number's settings")
            .RequireScope(ApiScopes.ConfigWrite)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        numbers.MapGet("", GetAsync).WithSummary("A business number's settings")
            .RequireScope(ApiScopes.ConfigRead)
            .ProducesProblem(StatusCodes.Status404NotFound);
        numbers.MapDelete("", DeleteAsync).WithSummary("Delete a business number, its auto-replies with it")
            .RequireScope(ApiScopes.ConfigWrite)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Results<Created<NumberSettingsResponse>, Ok<NumberSettingsResponse>, ValidationProblem, ProblemHttpResult>> PutAsync(string phoneNumber, NumberSettingsRequest? request, NumberSettingsValidator validator, [AsParameters] AuditedChange change)
    {
        var (user, db, audit, clock, cancellationToken) = change;
        if (!PhoneNumberFormat.IsE164(phoneNumber))
        {
            return InvalidNumber();
        }
        var validated = validator.Validate(request);
        if (!validated.IsValid)
        {
            return Problems.Invalid(validated.Errors);
        }
        var settings = validated.Value;

        var now = clock.GetUtcNow();
        var number = await db.Numbers.SingleOrDefaultAsync(n => n.PhoneNumber == phoneNumber, cancellationToken);
        if (number is not null && number.WorkspaceId != user.RequiredWorkspaceId())
        {
            return OwnedElsewhere(phoneNumber);
        }
        var created = number is null;
        var before = number is null ? null : NumberSettingsResponse.From(number);
        if (number is null)
        {
            number = new BusinessNumber
            {
                PhoneNumber = phoneNumber,
                WorkspaceId = user.RequiredWorkspaceId(),
                Name = settings.Name,
                TimeZone = settings.TimeZone,
                OpeningHours = settings.OpeningHours,
                CreatedAt = now,
            };
            db.Numbers.Add(number);
        }
        number.Name = settings.Name;
        number.TimeZone = settings.TimeZone;
        number.OpeningHours = settings.OpeningHours;
        number.Cooldown = settings.Cooldown;
        number.RecentActivityWindow = settings.RecentActivityWindow;
        number.MaxEventAge = settings.MaxEventAge;
        number.Language = settings.Language;
        number.UpdatedAt = now;
        var body = NumberSettingsResponse.From(number);
        audit.Record(user, number.WorkspaceId, created ? AuditAction.NumberCreated : AuditAction.NumberUpdated, phoneNumber, before, body);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation(RulesDbContext.NumberKey) || ex is DbUpdateConcurrencyException)
        {
            return ChangedConcurrently(phoneNumber);
        }

        return created ? TypedResults.Created($"/v1/numbers/{Uri.EscapeDataString(phoneNumber)}", body) : TypedResults.Ok(body);
    }

    private static async Task<Results<Ok<List<NumberSummary>>, ValidationProblem>> ListAsync(
        ClaimsPrincipal user, RulesDbContext db, CancellationToken cancellationToken, int limit = Paging.DefaultLimit, int offset = 0, string? q = null)
    {
        var page = Paging.Validate(limit, offset);
        if (!page.IsValid)
        {
            return Problems.Invalid(page.Errors);
        }
        var numbers = db.Numbers.InWorkspaceOf(user).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            // Part of the name, any case, or part of the number as digits ("(415) 555" finds +14155550100).
            var name = $"%{LikePattern.Escape(q.Trim())}%";
            var digits = new string([.. q.Where(char.IsAsciiDigit)]);
            numbers = numbers.Where(n => EF.Functions.ILike(n.Name, name, LikePattern.EscapeCharacter)
                || (digits.Length > 0 && n.PhoneNumber.Contains(digits)));
        }
        return TypedResults.Ok(await numbers
            .OrderBy(n => n.Name).ThenBy(n => n.PhoneNumber)
            .Skip(page.Value.Offset).Take(page.Value.Limit)
            .Select(n => new NumberSummary(n.PhoneNumber, n.Name, n.TimeZone, n.AutoReplies.Count))
            .ToListAsync(cancellationToken));
    }

    private static async Task<Results<Ok<NumberSettingsResponse>, ProblemHttpResult>> GetAsync(string phoneNumber, ClaimsPrincipal user, RulesDbContext db, CancellationToken cancellationToken)
    {
        var number = await db.Numbers.InWorkspaceOf(user).AsNoTracking().SingleOrDefaultAsync(n => n.PhoneNumber == phoneNumber, cancellationToken);
        return number is null ? NumberNotFound(phoneNumber) : TypedResults.Ok(NumberSettingsResponse.From(number));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string phoneNumber, ClaimsPrincipal user, RulesDbContext db, AuditTrail audit, CancellationToken cancellationToken)
    {
        var number = await db.Numbers.InWorkspaceOf(user).SingleOrDefaultAsync(n => n.PhoneNumber == phoneNumber, cancellationToken);
        if (number is null)
        {
            return NumberNotFound(phoneNumber);
        }
        db.Numbers.Remove(number);
        audit.Record(user, number.WorkspaceId, AuditAction.NumberDeleted, phoneNumber, NumberSettingsResponse.From(number), null);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Deleted by another request after we read it.
            return NumberNotFound(phoneNumber);
        }
        return TypedResults.NoContent();
    }

    public static ValidationProblem InvalidNumber() => Problems.Invalid("phoneNumber", $"phoneNumber {PhoneNumberFormat.E164Hint}.");

    /// <summary>Another request created or deleted the same number between our read and our write.</summary>
    public static ProblemHttpResult ChangedConcurrently(string phoneNumber) =>
        Problems.Conflict($"{phoneNumber} was changed by another request at the same time; read it again and retry.");

    /// <summary>Another workspace has it: 404 as for a number that does not exist, which says nothing of whose it is.</summary>
    private static ProblemHttpResult OwnedElsewhere(string phoneNumber) =>
        Problems.NotFound($"{phoneNumber} cannot be added to this workspace: a number belongs to one workspace only.");

    public static ProblemHttpResult NumberNotFound(string phoneNumber) =>
        Problems.NotFound($"No settings for {phoneNumber}; create them with PUT /v1/numbers/{{phoneNumber}}.");
}
