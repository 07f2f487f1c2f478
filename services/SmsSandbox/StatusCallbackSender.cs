using AutoReply.Security;
using Microsoft.Extensions.Options;

namespace AutoReply.SmsSandbox;

/// <summary>
/// Posts a message's status to its <c>StatusCallback</c> URL as the provider does: form-encoded and
/// signed with <c>X-Twilio-Signature</c>. The named client retries refused posts; one that is still
/// refused is logged and dropped, as the provider drops it.
/// </summary>
public sealed partial class StatusCallbackSender(
    IHttpClientFactory clients,
    IOptions<SandboxOptions> options,
    ILogger<StatusCallbackSender> logger)
{
    public const string HttpClientName = "status-callbacks";

    public async Task SendAsync(SandboxMessage message, CancellationToken cancellationToken)
    {
        if (message.StatusCallback is not { } url)
        {
            return;
        }

        var fields = Fields(message);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add(TwilioSignature.HeaderName, TwilioSignature.Compute(options.Value.AuthToken, url, fields));
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                LogPosted(logger, message.Sid, message.Status);
            }
            else
            {
                LogRefused(logger, message.Sid, message.Status, (int)response.StatusCode);
            }
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogUnreachable(logger, message.Sid, message.Status, exception);
        }
    }

    public static IReadOnlyList<KeyValuePair<string, string>> Fields(SandboxMessage message)
    {
        List<KeyValuePair<string, string>> fields =
        [
            new("MessageSid", message.Sid),
            new("SmsSid", message.Sid),
            new("AccountSid", message.AccountSid),
            new("MessageStatus", message.Status),
            new("SmsStatus", message.Status),
            new("To", message.To),
            new("From", message.From),
            new("ApiVersion", TwilioApi.Version),
        ];
        if (message.ErrorCode is { } errorCode)
        {
            fields.Add(new("ErrorCode", errorCode.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        return fields;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Status callback for {MessageSid} ({MessageStatus}) posted")]
    private static partial void LogPosted(ILogger logger, string messageSid, string messageStatus);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status callback for {MessageSid} ({MessageStatus}) dropped: the receiver answered {HttpStatus} after every retry")]
    private static partial void LogRefused(ILogger logger, string messageSid, string messageStatus, int httpStatus);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status callback for {MessageSid} ({MessageStatus}) dropped: the receiver could not be reached after every retry")]
    private static partial void LogUnreachable(ILogger logger, string messageSid, string messageStatus, Exception exception);
}
