using Microsoft.AspNetCore.WebUtilities;

namespace AutoReply.SmsSandbox;

/// <summary>The provider's error codes the sandbox answers with, and the provider's wording for them.</summary>
public static class TwilioErrors
{
    public const int Authenticate = 20003;
    public const int NotFound = 20404;
    public const int InvalidToNumber = 21211;
    public const int BodyRequired = 21602;
    public const int FromRequired = 21603;
    public const int ToRequired = 21604;
    public const int InvalidStatusCallback = 21609;
    public const int UnsubscribedRecipient = 21610;

    public static string Describe(int code) => code switch
    {
        Authenticate => "Authenticate",
        InvalidToNumber => "The 'To' number is not a valid phone number.",
        BodyRequired => "Message body is required.",
        FromRequired => "A 'From' phone number is required.",
        ToRequired => "A 'To' phone number is required.",
        InvalidStatusCallback => "The StatusCallback URL is not a valid absolute http or https URL.",
        UnsubscribedRecipient => "Attempt to send to unsubscribed recipient",
        30003 => "Unreachable destination handset",
        30005 => "Unknown destination handset",
        30006 => "Landline or unreachable carrier",
        30007 => "Message filtered",
        30008 => "Unknown error",
        _ => $"The message could not be sent (error {code}).",
    };

    /// <summary>
    /// The provider's own code for an HTTP failure is 20000 plus the status (20429, 20500, 20503).
    /// </summary>
    public static int ForHttpStatus(int status) => 20_000 + status;

    public static string DescribeHttpStatus(int status) => ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase
        ? phrase
        : $"HTTP {status}";
}
