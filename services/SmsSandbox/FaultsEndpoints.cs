using AutoReply.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AutoReply.SmsSandbox;

/// <summary><c>/sandbox/faults</c>: what tests and drills use to make the provider misbehave.</summary>
public static partial class FaultsEndpoints
{
    public static IEndpointRouteBuilder MapFaults(this IEndpointRouteBuilder routes)
    {
        var faults = routes.MapGroup("/sandbox/faults").WithTags("Sandbox faults");
        faults.MapGet(string.Empty, (ActiveFaults active) => TypedResults.Ok(active.Current));
        faults.MapPut(string.Empty, Apply);
        faults.MapDelete(string.Empty, Clear);
        return routes;
    }

    private static Results<ValidationProblem, Ok<FaultSettings>> Apply(FaultSettings settings, FaultSettingsValidator validator, ActiveFaults active, ILoggerFactory loggers)
    {
        var validated = validator.Validate(settings);
        if (!validated.IsValid)
        {
            return Problems.Invalid(validated.Errors);
        }

        active.Apply(settings);
        LogApplied(
            loggers.CreateLogger(typeof(FaultsEndpoints)),
            settings.FailureRate,
            settings.FailureStatus,
            settings.LatencyMs,
            settings.RecipientErrors.Count,
            settings.DeliveryFailures.Count);
        return TypedResults.Ok(settings);
    }

    private static NoContent Clear(ActiveFaults active, ILoggerFactory loggers)
    {
        active.Clear();
        LogCleared(loggers.CreateLogger(typeof(FaultsEndpoints)));
        return TypedResults.NoContent();
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Faults applied: failure rate {FailureRate} with status {FailureStatus}, latency {LatencyMs} ms, {RecipientErrorCount} refused and {DeliveryFailureCount} undeliverable recipients")]
    private static partial void LogApplied(ILogger logger, double failureRate, int failureStatus, int latencyMs, int recipientErrorCount, int deliveryFailureCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Faults cleared")]
    private static partial void LogCleared(ILogger logger);
}
