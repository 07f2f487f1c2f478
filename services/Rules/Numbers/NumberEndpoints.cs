using AutoReply.Rules.Data;
using AutoReply.ServiceDefaults.Validation;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AutoReply.Rules.Numbers;

/// <summary><c>/v1/numbers/{phoneNumber}</c>: a business number's settings (API.md).</summary>
public static class NumberEndpoints
{
    public static IEndpointRouteBuilder MapNumberEndpoints(this IEndpointRouteBuilder routes)
    {
        var numbers = routes.MapGroup("/v1/numbers/{phoneNumber}").WithTags("Numbers");
        numbers.MapPut("", PutAsync);
        numbers.MapGet("", GetAsync);
        numbers.MapDelete("", DeleteAsync);
        return routes;
    }

    private static async Task<IResult> PutAsync(string phoneNumber, NumberSettingsRequest? request, RulesDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!PhoneNumberFormat.IsE164(phoneNumber))
        {
            return InvalidNumber();
        }
        if (request is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: "The body must be the number's settings as JSON.");
        }

        var (settings, errors) = NumberSettingsValidator.Validate(request);
        if (settings is null)
        {
            return Results.ValidationProblem(errors, title: "The settings are not valid; nothing was changed.");
        }

        var now = clock.GetUtcNow();
        var number = await db.Numbers.SingleOrDefaultAsync(n => n.PhoneNumber == phoneNumber, cancellationToken);
        var created = number is null;
        if (number is null)
        {
            number = new BusinessNumber
            {
                PhoneNumber = phoneNumber,
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
        number.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } || ex is DbUpdateConcurrencyException)
        {
            return ChangedConcurrently(phoneNumber);
        }

        var body = NumberSettingsResponse.From(number);
        return created ? Results.Created($"/v1/numbers/{Uri.EscapeDataString(phoneNumber)}", body) : Results.Ok(body);
    }

    private static async Task<IResult> GetAsync(string phoneNumber, RulesDbContext db, CancellationToken cancellationToken)
    {
        var number = await db.Numbers.AsNoTracking().SingleOrDefaultAsync(n => n.PhoneNumber == phoneNumber, cancellationToken);
        return number is null ? NumberNotFound(phoneNumber) : Results.Ok(NumberSettingsResponse.From(number));
    }

    private static async Task<IResult> DeleteAsync(string phoneNumber, RulesDbContext db, CancellationToken cancellationToken)
    {
        var deleted = await db.Numbers.Where(n => n.PhoneNumber == phoneNumber).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? NumberNotFound(phoneNumber) : Results.NoContent();
    }

    public static IResult InvalidNumber() => Results.ValidationProblem(
        new Dictionary<string, string[]> { ["phoneNumber"] = [$"phoneNumber {PhoneNumberFormat.E164Hint}."] });

    /// <summary>Another request created or deleted the same number between our read and our write.</summary>
    public static IResult ChangedConcurrently(string phoneNumber) => Results.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "Changed concurrently",
        detail: $"{phoneNumber} was changed by another request at the same time; read it again and retry.");

    public static IResult NumberNotFound(string phoneNumber) => Results.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Number not found",
        detail: $"No settings for {phoneNumber}; create them with PUT /v1/numbers/{{phoneNumber}}.");
}
