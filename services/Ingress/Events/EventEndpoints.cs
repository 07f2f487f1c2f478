using System.Security.Claims;
using System.Text.Json;
using AutoReply.Ingress.Access;
using AutoReply.ServiceDefaults.Http;
using AutoReply.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AutoReply.Ingress.Events;

/// <summary><c>POST /v1/events</c> and <c>POST /v1/events/batch</c> (docs/http-api.md).</summary>
public static class EventEndpoints
{
    public const int MaxBatchSize = 1000;
    public const string BusDependency = "message bus";
    public const string DeduplicationDependency = "de-duplication store (Redis)";
    private const string InFlight = "An event with this id is being accepted by another request right now; retry shortly.";

    /// <summary>Publishes of one batch under way at once: enough to keep publisher confirms pipelined.</summary>
    private const int BatchParallelism = 64;

    public static IEndpointRouteBuilder MapEventEndpoints(this IEndpointRouteBuilder routes)
    {
        var events = routes.MapGroup("/v1/events").WithTags("Events").RequireScope(ApiScopes.EventsWrite);
        events.MapPost("", AcceptOneAsync)
            .WithSummary("Accept one communication event: 202 once it is on the bus")
            .Accepts<EventRequest>("application/json")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        events.MapPost("/batch", AcceptBatchAsync)
            .WithSummary($"Accept up to {MaxBatchSize} events: one result per item, in order")
            .Accepts<EventRequest[]>("application/json");
        return routes;
    }

    private static async Task<Results<Accepted<EventAccepted>, ValidationProblem, ProblemHttpResult>> AcceptOneAsync(
        JsonElement body, HttpRequest request, ClaimsPrincipal user, [AsParameters] EventTaking taking, CancellationToken cancellationToken)
    {
        var (id, status, duplicate, errors, dependency) = await AcceptAsync(body, PosterOf(request, user), taking, cancellationToken);
        return status switch
        {
            StatusCodes.Status202Accepted => TypedResults.Accepted((string?)null, new EventAccepted(id!, duplicate!.Value)),
            StatusCodes.Status400BadRequest => Problems.Invalid(errors!),
            StatusCodes.Status404NotFound => Problems.NotFound(NumberAccess.OtherWorkspacesNumber),
            StatusCodes.Status409Conflict => Problems.Conflict(InFlight),
            _ => Problems.Unavailable(dependency!),
        };
    }

    private static async Task<Results<Ok<BatchItemResult[]>, ValidationProblem>> AcceptBatchAsync(
        JsonElement body, HttpRequest request, ClaimsPrincipal user, [AsParameters] EventTaking taking, CancellationToken cancellationToken)
    {
        var poster = PosterOf(request, user);
        if (body.ValueKind != JsonValueKind.Array || body.GetArrayLength() is 0 or > MaxBatchSize)
        {
            return Problems.Invalid("", $"The body must be a JSON array of 1 to {MaxBatchSize} events.");
        }

        var items = body.EnumerateArray().ToArray();
        var results = new BatchItemResult[items.Length];
        await Parallel.ForAsync(0, items.Length, new ParallelOptions { MaxDegreeOfParallelism = BatchParallelism, CancellationToken = cancellationToken }, async (index, token) =>
        {
            var (id, status, duplicate, errors, dependency) = await AcceptAsync(items[index], poster, taking, token);
            results[index] = new BatchItemResult(id, status, duplicate, Describe(status, dependency), errors);
        });
        return TypedResults.Ok(results);
    }

    /// <summary>One event, from JSON to the bus: the same steps and answers for a single post and a batch item.</summary>
    private static async Task<ItemOutcome> AcceptAsync(
        JsonElement item, Poster poster, EventTaking taking, CancellationToken cancellationToken)
    {
        var (validator, numbers, intake, metrics) = taking;
        var (request, readErrors) = Read(item);
        var validation = request is null ? null : validator.Validate(request);
        if (validation is null || !validation.IsValid)
        {
            metrics.RecordInvalid();
            return new ItemOutcome(request?.Id, StatusCodes.Status400BadRequest, null, validation?.Errors ?? readErrors);
        }

        if (numbers.IsAnotherWorkspacesNumber(poster.Key, poster.WorkspaceId, validation.Value.PhoneNumber))
        {
            metrics.Record(validation.Value.Type, IntakeStatus.AnotherWorkspacesNumber);
            return new ItemOutcome(request!.Id, StatusCodes.Status404NotFound, null, null);
        }

        return await intake.AcceptAsync(validation.Value, poster.WorkspaceId, cancellationToken) switch
        {
            IntakeStatus.Accepted => new ItemOutcome(request!.Id, StatusCodes.Status202Accepted, false, null),
            IntakeStatus.Duplicate => new ItemOutcome(request!.Id, StatusCodes.Status202Accepted, true, null),
            IntakeStatus.InFlight => new ItemOutcome(request!.Id, StatusCodes.Status409Conflict, null, null),
            IntakeStatus.BusUnavailable => new ItemOutcome(request!.Id, StatusCodes.Status503ServiceUnavailable, null, null, BusDependency),
            _ => new ItemOutcome(request!.Id, StatusCodes.Status503ServiceUnavailable, null, null, DeduplicationDependency),
        };
    }

    /// <summary>Reads one event object; a field of the wrong JSON type is a field error, not a failed request.</summary>
    private static (EventRequest? Request, IDictionary<string, string[]> Errors) Read(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return (null, new Dictionary<string, string[]> { [""] = ["Each event must be a JSON object."] });
        }
        try
        {
            return (item.Deserialize<EventRequest>(JsonSerializerOptions.Web), new Dictionary<string, string[]>());
        }
        catch (JsonException ex)
        {
            var field = ex.Path?.TrimStart('$', '.') ?? "";
            return (null, new Dictionary<string, string[]> { [field] = [$"{(field.Length > 0 ? field : "The event")} has the wrong JSON type; the event schema is in this service's /openapi/v1.json."] });
        }
    }

    /// <summary>A batch item's answer in the words its own request would have had.</summary>
    private static string? Describe(int status, string? dependency) => status switch
    {
        StatusCodes.Status400BadRequest => Problems.InvalidTitle,
        StatusCodes.Status404NotFound => NumberAccess.OtherWorkspacesNumber,
        StatusCodes.Status409Conflict => InFlight,
        StatusCodes.Status503ServiceUnavailable => Problems.UnavailableDetail(dependency!),
        _ => null,
    };

    /// <summary>The key the events came with (to ask rules about numbers with) and its workspace.</summary>
    private sealed record Poster(string Key, Guid WorkspaceId);

    private static Poster PosterOf(HttpRequest request, ClaimsPrincipal user) =>
        new(ApiKeyAuthentication.PresentedKey(request)!, user.RequiredWorkspaceId());

    private sealed record ItemOutcome(string? Id, int Status, bool? Duplicate, IDictionary<string, string[]>? Errors, string? Dependency = null);
}
