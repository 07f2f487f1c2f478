namespace AutoReply.Sender.Provider;

/// <summary>A text to hand to the provider; <see cref="IdempotencyKey"/> is derived from the decision.</summary>
public sealed record OutgoingText(string From, string To, string Body, string IdempotencyKey);

public abstract record ProviderAnswer;

/// <summary>The provider took the message: it now has an id and a first state (usually <c>queued</c>).</summary>
public sealed record Accepted(string MessageId, string Status) : ProviderAnswer;

/// <summary>The provider refused the message for good (invalid number, opted out, bad request): retrying cannot help.</summary>
public sealed record Rejected(string ErrorCode, string Error) : ProviderAnswer;

/// <summary>Twilio's error codes AutoReply acts on.</summary>
public static class ProviderErrorCodes
{
    /// <summary>The recipient replied STOP to this sender: record the opt-out.</summary>
    public const string RecipientOptedOut = "21610";
}

/// <summary>The provider could not be reached or kept failing; it did not take the message.</summary>
public sealed class ProviderUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The request may have reached the provider but no answer came back (a timeout after sending):
/// only a look-up can tell whether the text exists.
/// </summary>
public sealed class ProviderOutcomeUnknownException(string message, Exception? inner = null) : Exception(message, inner);
