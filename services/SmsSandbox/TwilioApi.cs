using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AutoReply.SmsSandbox;

/// <summary>How the provider's REST API writes its answers: snake_case JSON, RFC 2822 dates, its error shape.</summary>
public static class TwilioApi
{
    public const string Version = "2010-04-01";

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        // The provider writes "+1415…" and "<", not "\u002B1415…": these answers are JSON, never inlined in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IResult Error(int httpStatus, int code) => Error(httpStatus, code, TwilioErrors.Describe(code));

    public static IResult Error(int httpStatus, int code, string message) => Results.Json(
        new TwilioError(code, message, $"https://www.twilio.com/docs/errors/{code}", httpStatus),
        Json,
        statusCode: httpStatus);

    public static IResult Message(SandboxMessage message, int httpStatus = StatusCodes.Status200OK) =>
        Results.Json(ToResource(message), Json, statusCode: httpStatus);

    public static MessageResource ToResource(SandboxMessage message) => new(
        Sid: message.Sid,
        AccountSid: message.AccountSid,
        Status: message.Status,
        To: message.To,
        From: message.From,
        Body: message.Body,
        NumSegments: message.Segments.ToString(CultureInfo.InvariantCulture),
        Direction: "outbound-api",
        ApiVersion: Version,
        DateCreated: FormatDate(message.DateCreated),
        DateUpdated: FormatDate(message.DateUpdated),
        ErrorCode: message.ErrorCode,
        ErrorMessage: message.ErrorCode is { } code ? TwilioErrors.Describe(code) : null,
        Uri: $"/{Version}/Accounts/{message.AccountSid}/Messages/{message.Sid}.json",
        SandboxRepeatedCreates: message.RepeatedCreates,
        SandboxReceivedAt: message.DateCreated);

    // The provider writes "Wed, 18 Aug 2010 20:01:40 +0000", not the "GMT" of the "r" format.
    private static string FormatDate(DateTimeOffset at) =>
        at.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);
}

public sealed record TwilioError(int Code, string Message, string MoreInfo, int Status);

public sealed record MessageResource(
    string Sid,
    string AccountSid,
    string Status,
    string To,
    string From,
    string Body,
    string NumSegments,
    string Direction,
    string ApiVersion,
    string DateCreated,
    string DateUpdated,
    int? ErrorCode,
    string? ErrorMessage,
    string Uri,
    int SandboxRepeatedCreates,
    DateTimeOffset SandboxReceivedAt);

public sealed record MessagePage(
    IReadOnlyList<MessageResource> Messages,
    int Page,
    int PageSize,
    int Start,
    int End,
    string Uri,
    string FirstPageUri,
    string? NextPageUri,
    string? PreviousPageUri);
