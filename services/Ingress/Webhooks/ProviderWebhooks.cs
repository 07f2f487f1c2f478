using AutoReply.Contracts.Events;
using AutoReply.Ingress.Events;
using AutoReply.ServiceDefaults.Http;
using AutoReply.ServiceDefaults.Messaging;
using AutoReply.ServiceDefaults.Provider;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AutoReply.Ingress.Webhooks;

/// <summary>
/// What the SMS provider posts to ingress: delivery-status callbacks and inbound texts. Both are
/// authenticated by the provider's signature instead of the API key.
/// </summary>
public static class ProviderWebhooks
{
    private const string EmptyTwiml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    public static IEndpointRouteBuilder MapProviderWebhooks(this IEndpointRouteBuilder routes)
    {
        var webhooks = routes.MapGroup("/webhooks/provider")
            .WithTags("Provider webhooks")
            .AllowAnonymous()
            .DisableAntiforgery()
            .AddEndpointFilter<ProviderSignatureFilter>();
        webhooks.MapPost("/status", ReceiveStatusAsync)
            .WithSummary("The provider's delivery-status callback (form post, signed with X-Twilio-Signature)")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        webhooks.MapPost("/messages", ReceiveMessageAsync)
            .WithSummary("A text the provider received for a business number (form post, signed): becomes a message.received event")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return routes;
    }

    private static async Task<Results<NoContent, ValidationProblem>> ReceiveStatusAsync(HttpRequest request, IPublishEndpoint bus, TimeProvider clock)
    {
        var form = await request.ReadFormAsync();
        string? sid = form["MessageSid"];
        string? status = form["MessageStatus"];
        if (string.IsNullOrEmpty(sid) || string.IsNullOrEmpty(status))
        {
            return Problems.Invalid("MessageSid", "MessageSid and MessageStatus are required.");
        }

        // The provider has intermediate states (accepted, sending…) that AutoReply does not track.
        if (!DeliveryStates.IsKnown(status))
        {
            return TypedResults.NoContent();
        }

        string? errorCode = form["ErrorCode"];
        await bus.PublishRoutedAsync(new ProviderStatusReported(sid, status, string.IsNullOrEmpty(errorCode) ? null : errorCode, clock.GetUtcNow()));
        return TypedResults.NoContent();
    }

    private static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> ReceiveMessageAsync(HttpRequest request, EventValidator validator, EventIntake intake, TimeProvider clock)
    {
        var form = await request.ReadFormAsync();
        var validation = validator.Validate(new EventRequest(
            Id: form["MessageSid"],
            Type: EventTypes.MessageReceived,
            PhoneNumber: form["To"],
            Contact: form["From"],
            OccurredAt: clock.GetUtcNow().ToString("O"),
            Body: form["Body"]));
        if (!validation.IsValid)
        {
            return Problems.Invalid(validation.Errors);
        }

        var status = await intake.AcceptAsync(validation.Event!, request.HttpContext.RequestAborted);
        return status switch
        {
            IntakeStatus.Accepted or IntakeStatus.Duplicate => TypedResults.Content(EmptyTwiml, "text/xml"),
            IntakeStatus.InFlight => Problems.Conflict("This message is being accepted by another request right now; retry shortly."),
            IntakeStatus.BusUnavailable => Problems.Unavailable(EventEndpoints.BusDependency),
            _ => Problems.Unavailable(EventEndpoints.DeduplicationDependency),
        };
    }
}

/// <summary>
/// Accepts a webhook only with a valid <c>X-Twilio-Signature</c> over the URL the provider called
/// and the posted fields; anything else is 403 and changes nothing.
/// </summary>
public sealed class ProviderSignatureFilter(IOptions<ProviderWebhookOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        if (!request.HasFormContentType)
        {
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Form body expected");
        }

        var form = await request.ReadFormAsync();
        var fields = form.SelectMany(field => field.Value.Select(value => KeyValuePair.Create(field.Key, value ?? "")));
        if (!TwilioSignature.IsValid(options.Value.AuthToken, CalledUrl(request), fields, request.Headers[TwilioSignature.HeaderName]))
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Invalid signature",
                detail: $"The {TwilioSignature.HeaderName} header does not match this request.");
        }
        return await next(context);
    }

    private string CalledUrl(HttpRequest request)
    {
        var baseUrl = options.Value.PublicBaseUrl?.ToString().TrimEnd('/') ?? $"{request.Scheme}://{request.Host}{request.PathBase}";
        return baseUrl + request.Path + request.QueryString;
    }
}
