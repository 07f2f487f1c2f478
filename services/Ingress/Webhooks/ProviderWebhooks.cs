using AutoReply.Contracts.Events;
using AutoReply.Ingress.Events;
using AutoReply.ServiceDefaults.Messaging;
using AutoReply.ServiceDefaults.Provider;
using MassTransit;
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
        webhooks.MapPost("/status", ReceiveStatusAsync);
        webhooks.MapPost("/messages", ReceiveMessageAsync);
        return routes;
    }

    private static async Task<IResult> ReceiveStatusAsync(HttpRequest request, IPublishEndpoint bus, TimeProvider clock)
    {
        var form = await request.ReadFormAsync();
        string? sid = form["MessageSid"];
        string? status = form["MessageStatus"];
        if (string.IsNullOrEmpty(sid) || string.IsNullOrEmpty(status))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["MessageSid"] = ["MessageSid and MessageStatus are required."],
            });
        }

        // The provider has intermediate states (accepted, sending…) that AutoReply does not track.
        if (!DeliveryStates.IsKnown(status))
        {
            return Results.NoContent();
        }

        string? errorCode = form["ErrorCode"];
        await bus.PublishRoutedAsync(new ProviderStatusReported(sid, status, string.IsNullOrEmpty(errorCode) ? null : errorCode, clock.GetUtcNow()));
        return Results.NoContent();
    }

    private static async Task<IResult> ReceiveMessageAsync(HttpRequest request, EventValidator validator, EventIntake intake, TimeProvider clock)
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
            return Results.ValidationProblem(validation.Errors, title: "The inbound message is not valid.");
        }

        var status = await intake.AcceptAsync(validation.Event!, request.HttpContext.RequestAborted);
        return status is IntakeStatus.Accepted or IntakeStatus.Duplicate
            ? Results.Content(EmptyTwiml, "text/xml")
            : Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Inbound message not accepted yet", detail: "Retry.");
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
