using AutoReply.Sms;
using AutoReply.ServiceDefaults.Logging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AutoReply.SmsSandbox;

/// <summary>
/// The provider's Messages resource (<c>/2010-04-01/Accounts/{AccountSid}/Messages</c>): send a
/// text, list and fetch what was sent. Also <c>DELETE /sandbox/messages</c> to start a drill afresh.
/// </summary>
public static partial class MessagesEndpoints
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 1000;

    public static IEndpointRouteBuilder MapMessages(this IEndpointRouteBuilder routes)
    {
        var account = routes.MapGroup($"/{TwilioApi.Version}/Accounts/{{{TwilioBasicAuthFilter.AccountSidRouteValue}}}")
            .WithTags("Messages")
            .AddEndpointFilter<TwilioBasicAuthFilter>();
        account.MapPost("/Messages.json", CreateAsync);
        account.MapGet("/Messages.json", List);
        account.MapGet("/Messages/{sid}.json", Fetch);

        routes.MapDelete("/sandbox/messages", (MessageStore store) =>
        {
            store.Clear();
            return TypedResults.NoContent();
        }).WithTags("Sandbox");
        return routes;
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, [AsParameters] SandboxProvider provider, IHostApplicationLifetime lifetime, ILoggerFactory loggers)
    {
        var (store, activeFaults, dispatcher, clock, options) = provider;
        var logger = loggers.CreateLogger(typeof(MessagesEndpoints));
        var form = request.HasFormContentType ? await request.ReadFormAsync(request.HttpContext.RequestAborted) : FormCollection.Empty;
        var faults = activeFaults.Current;
        if (faults.LatencyMs > 0)
        {
            // Not cancelled when the client gives up: the provider finishes what it started, which is
            // what makes a timed-out send ambiguous and an idempotency key worth having.
            await Task.Delay(TimeSpan.FromMilliseconds(faults.LatencyMs), clock, lifetime.ApplicationStopping);
        }

        var to = form["To"].ToString();
        var from = form["From"].ToString();
        var body = form["Body"].ToString();
        var statusCallback = form["StatusCallback"].ToString();
        if (string.IsNullOrWhiteSpace(to))
        {
            return TwilioApi.Error(StatusCodes.Status400BadRequest, TwilioErrors.ToRequired);
        }
        if (string.IsNullOrEmpty(body))
        {
            return TwilioApi.Error(StatusCodes.Status400BadRequest, TwilioErrors.BodyRequired);
        }
        if (string.IsNullOrWhiteSpace(from))
        {
            return TwilioApi.Error(StatusCodes.Status400BadRequest, TwilioErrors.FromRequired);
        }
        if (statusCallback.Length > 0 && !IsCallbackUrl(statusCallback))
        {
            return TwilioApi.Error(StatusCodes.Status400BadRequest, TwilioErrors.InvalidStatusCallback);
        }

        if (faults.ShouldFail())
        {
            LogFailureInjected(logger, faults.FailureStatus);
            return InjectedFailure(request.HttpContext.Response, faults);
        }
        if (faults.RecipientErrors.TryGetValue(to, out var recipientError))
        {
            LogRecipientRefused(logger, to, recipientError);
            return TwilioApi.Error(StatusCodes.Status400BadRequest, recipientError);
        }

        var candidate = new SandboxMessage(
            SandboxMessage.NewSid(),
            options.Value.AccountSid,
            to,
            from,
            body,
            SmsEncoding.Measure(body).Segments,
            statusCallback.Length > 0 ? statusCallback : null,
            request.Headers[IdempotencyKeyHeader].ToString() is { Length: > 0 } key ? key : null,
            clock.GetUtcNow());
        if (!store.TryAdd(candidate, out var message))
        {
            LogReplayed(logger, message.Sid);
            return TwilioApi.Message(message, StatusCodes.Status201Created);
        }

        dispatcher.Enqueue(new DeliveryJob(message.Sid, faults.DeliveryFailures.TryGetValue(to, out var deliveryError) ? deliveryError : null));
        LogAccepted(logger, message.Sid, to, body.Length, message.Segments);
        return TwilioApi.Message(message, StatusCodes.Status201Created);
    }

    private static IResult List(
        HttpRequest request,
        MessageStore store,
        IOptions<SandboxOptions> options,
        [FromQuery(Name = "To")] string? to,
        [FromQuery(Name = "From")] string? from,
        [FromQuery(Name = "PageSize")] int? pageSize)
    {
        var size = Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize);
        var messages = store.Newest(size, NullIfEmpty(to), NullIfEmpty(from))
            .Select(TwilioApi.ToResource)
            .ToList();
        var uri = $"{request.Path}{request.QueryString}";
        return Results.Json(
            new MessagePage(messages, Page: 0, PageSize: size, Start: 0, End: Math.Max(messages.Count - 1, 0), uri, FirstPageUri: uri, NextPageUri: null, PreviousPageUri: null),
            TwilioApi.Json);
    }

    private static IResult Fetch(string sid, HttpRequest request, MessageStore store) => store.Find(sid) is { } message
        ? TwilioApi.Message(message)
        : TwilioApi.Error(StatusCodes.Status404NotFound, TwilioErrors.NotFound, $"The requested resource {request.Path} was not found");

    private static IResult InjectedFailure(HttpResponse response, FaultSettings faults)
    {
        if (faults.RetryAfterSeconds is { } retryAfter
            && faults.FailureStatus is StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable)
        {
            response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return TwilioApi.Error(
            faults.FailureStatus,
            TwilioErrors.ForHttpStatus(faults.FailureStatus),
            TwilioErrors.DescribeHttpStatus(faults.FailureStatus));
    }

    private static bool IsCallbackUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    [LoggerMessage(Level = LogLevel.Information, Message = "Accepted message {MessageSid} to {To}: {BodyLength} characters in {Segments} segments")]
    private static partial void LogAccepted(ILogger logger, string messageSid, [PhoneNumber] string to, int bodyLength, int segments);

    [LoggerMessage(Level = LogLevel.Information, Message = "Idempotency key already used: answered with message {MessageSid} again")]
    private static partial void LogReplayed(ILogger logger, string messageSid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Injected failure: answered {HttpStatus} and stored nothing")]
    private static partial void LogFailureInjected(ILogger logger, int httpStatus);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Injected recipient error {ErrorCode} for {To}: stored nothing")]
    private static partial void LogRecipientRefused(ILogger logger, [PhoneNumber] string to, int errorCode);
}
