using AutoReply.Contracts;
using AutoReply.Contracts.Events;
using AutoReply.Ingress.Events;
using AutoReply.ServiceDefaults.Http;
using AutoReply.Messaging;
using AutoReply.Security;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
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
            .Produces<string>(StatusCodes.Status200OK, "text/xml")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return routes;
    }

    private static async Task<Results<NoContent, ValidationProblem>> ReceiveStatusAsync(
        [FromForm] StatusCallback callback, StatusCallbackValidator validator, IPublishEndpoint bus, TimeProvider clock)
    {
        var validated = validator.Validate(callback);
        if (!validated.IsValid)
        {
            return Problems.Invalid(validated.Errors);
        }

        // The provider has intermediate states (accepted, sending…) that AutoReply does not track.
        if (!DeliveryStates.TryParseReported(callback.MessageStatus, out var state))
        {
            return TypedResults.NoContent();
        }

        var errorCode = string.IsNullOrEmpty(callback.ErrorCode) ? null : callback.ErrorCode;
        await bus.PublishRoutedAsync(new ProviderStatusReported(callback.MessageSid!, state, errorCode, clock.GetUtcNow()));
        return TypedResults.NoContent();
    }

    private static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> ReceiveMessageAsync(
        [FromForm] InboundText text, EventValidator validator, EventIntake intake, TimeProvider clock, CancellationToken cancellationToken)
    {
        var validation = validator.Validate(new EventRequest(
            Id: text.MessageSid,
            Type: Vocabulary.Name(EventType.MessageReceived),
            PhoneNumber: text.To,
            Contact: text.From,
            OccurredAt: clock.GetUtcNow().ToString("O"),
            Body: text.Body));
        if (!validation.IsValid)
        {
            return Problems.Invalid(validation.Errors);
        }

        var status = await intake.AcceptAsync(validation.Value, workspaceId: null, cancellationToken);
        return status switch
        {
            IntakeStatus.Accepted or IntakeStatus.Duplicate => TypedResults.Content(EmptyTwiml, "text/xml"),
            IntakeStatus.InFlight => Problems.Conflict("This message is being accepted by another request right now; retry shortly."),
            IntakeStatus.BusUnavailable => Problems.Unavailable(EventEndpoints.BusDependency),
            _ => Problems.Unavailable(EventEndpoints.DeduplicationDependency),
        };
    }
}

/// <summary>The provider's delivery-status callback (Twilio's field names; as the provider names them; form binding needs settable properties).</summary>
public sealed record StatusCallback : IOpenApiExample<StatusCallback>
{
    [JsonPropertyName("MessageSid")]
    public string? MessageSid { get; init; }
    [JsonPropertyName("MessageStatus")]
    public string? MessageStatus { get; init; }
    [JsonPropertyName("ErrorCode")]
    public string? ErrorCode { get; init; }

    public static StatusCallback Example => new() { MessageSid = "SM0123456789abcdef0123456789abcdef", MessageStatus = "delivered" };
}

/// <summary>A text the provider received for one of the business numbers (Twilio's field names).</summary>
public sealed record InboundText : IOpenApiExample<InboundText>
{
    [JsonPropertyName("MessageSid")]
    public string? MessageSid { get; init; }
    [JsonPropertyName("From")]
    public string? From { get; init; }
    [JsonPropertyName("To")]
    public string? To { get; init; }
    [JsonPropertyName("Body")]
    public string? Body { get; init; }

    public static InboundText Example => new()
    {
        MessageSid = "SM89abcdef0123456789abcdef01234567", From = "+14155550199", To = "+14155550100", Body = "Are you open on Saturday?",
    };
}

/// <summary>
/// Accepts a webhook only with a valid <c>X-Twilio-Signature</c> over the URL the provider called
/// and the posted fields; anything else is 403 and changes nothing.
/// </summary>
public sealed class ProviderSignatureFilter(IOptions<ProviderWebhookOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        // Runs after the form was bound, so the body is a form and is already read.
        var request = context.HttpContext.Request;
        var form = await request.ReadFormAsync();
        var fields = form.SelectMany(field => field.Value.Select(value => KeyValuePair.Create(field.Key, value ?? "")));
        if (!TwilioSignature.IsValid(options.Value.AuthToken, CalledUrl(request), fields, request.Headers[TwilioSignature.HeaderName]))
        {
            return Problems.Forbidden($"The {TwilioSignature.HeaderName} header does not match this request.");
        }
        return await next(context);
    }

    private string CalledUrl(HttpRequest request)
    {
        var baseUrl = options.Value.PublicBaseUrl?.ToString().TrimEnd('/') ?? $"{request.Scheme}://{request.Host}{request.PathBase}";
        return baseUrl + request.Path + request.QueryString;
    }
}
