namespace AutoReply.Ingress.Events;

/// <summary><c>POST /v1/events</c> and <c>POST /v1/events/batch</c> (API.md).</summary>
public static class EventEndpoints
{
    public const int MaxBatchSize = 1000;

    /// <summary>Publishes of one batch under way at once: enough to keep publisher confirms pipelined.</summary>
    private const int BatchParallelism = 64;

    public static IEndpointRouteBuilder MapEventEndpoints(this IEndpointRouteBuilder routes)
    {
        var events = routes.MapGroup("/v1/events").WithTags("Events");
        events.MapPost("", AcceptOneAsync);
        events.MapPost("/batch", AcceptBatchAsync);
        return routes;
    }

    private static async Task<IResult> AcceptOneAsync(
        EventRequest? request, EventValidator validator, EventIntake intake, IngressMetrics metrics, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: "The body must be one JSON event.");
        }

        var validation = validator.Validate(request);
        if (!validation.IsValid)
        {
            metrics.RecordInvalid();
            return Results.ValidationProblem(validation.Errors, title: "The event is not valid; nothing was published.");
        }

        var status = await intake.AcceptAsync(validation.Event!, cancellationToken);
        return status switch
        {
            IntakeStatus.Accepted => Results.Accepted(value: new EventAccepted(request.Id!, Duplicate: false)),
            IntakeStatus.Duplicate => Results.Accepted(value: new EventAccepted(request.Id!, Duplicate: true)),
            IntakeStatus.InFlight => InFlightProblem(request.Id!),
            _ => BusUnavailableProblem(),
        };
    }

    private static async Task<IResult> AcceptBatchAsync(
        List<EventRequest?>? requests, EventValidator validator, EventIntake intake, IngressMetrics metrics, CancellationToken cancellationToken)
    {
        if (requests is null || requests.Count == 0 || requests.Count > MaxBatchSize)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Bad batch",
                detail: $"The body must be a JSON array of 1 to {MaxBatchSize} events.");
        }

        var results = new BatchItemResult[requests.Count];
        await Parallel.ForAsync(0, requests.Count, new ParallelOptions { MaxDegreeOfParallelism = BatchParallelism, CancellationToken = cancellationToken }, async (index, token) =>
        {
            var request = requests[index];
            var validation = request is null ? null : validator.Validate(request);
            if (validation is null || !validation.IsValid)
            {
                metrics.RecordInvalid();
                results[index] = new BatchItemResult(request?.Id, StatusCodes.Status400BadRequest, null, "The event is not valid; it was not published.",
                    validation?.Errors ?? new Dictionary<string, string[]> { [""] = ["The item must be a JSON event object."] });
                return;
            }

            var status = await intake.AcceptAsync(validation.Event!, token);
            results[index] = status switch
            {
                IntakeStatus.Accepted => new BatchItemResult(request!.Id, StatusCodes.Status202Accepted, false, null, null),
                IntakeStatus.Duplicate => new BatchItemResult(request!.Id, StatusCodes.Status202Accepted, true, null, null),
                IntakeStatus.InFlight => new BatchItemResult(request!.Id, StatusCodes.Status409Conflict, null, "An event with this id is being accepted by another request; retry.", null),
                _ => new BatchItemResult(request!.Id, StatusCodes.Status503ServiceUnavailable, null, "The message bus is unavailable; retry.", null),
            };
        });
        return Results.Ok(results);
    }

    private static IResult InFlightProblem(string id) => Results.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "Event in flight",
        detail: $"An event with id '{id}' is being accepted by another request right now; retry shortly.");

    private static IResult BusUnavailableProblem() => Results.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "Message bus unavailable",
        detail: "The event could not be put on the bus and was not accepted; retry with the same id.");
}
