using AutoReply.ServiceDefaults.Validation;

namespace AutoReply.SmsSandbox;

/// <summary>
/// How the sandbox misbehaves, set by tests and drills through <c>/sandbox/faults</c>. The default
/// misbehaves in no way.
/// </summary>
public sealed partial record FaultSettings
{
    public const int MaxLatencyMs = 300_000;

    public static FaultSettings None { get; } = new();

    /// <summary>The share of sends (0 to 1) answered with <see cref="FailureStatus"/> instead of being accepted.</summary>
    public double FailureRate { get; init; }

    public int FailureStatus { get; init; } = StatusCodes.Status500InternalServerError;

    /// <summary>How long every send waits before it is answered.</summary>
    public int LatencyMs { get; init; }

    /// <summary>Sent as <c>Retry-After</c> with injected 429 and 503 answers.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>Recipients (E.164) whose sends are refused with the given provider error code.</summary>
    public IReadOnlyDictionary<string, int> RecipientErrors { get; init; } = new Dictionary<string, int>();

    /// <summary>Recipients (E.164) whose sends are accepted but never delivered, ending with the given error code.</summary>
    public IReadOnlyDictionary<string, int> DeliveryFailures { get; init; } = new Dictionary<string, int>();

    public bool ShouldFail() => FailureRate > 0 && Random.Shared.NextDouble() < FailureRate;

    /// <summary>What is wrong with these settings, by field; empty when they can be applied.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (double.IsNaN(FailureRate) || FailureRate is < 0 or > 1)
        {
            errors["failureRate"] = ["Must be between 0 and 1."];
        }
        if (FailureStatus is < 400 or > 599)
        {
            errors["failureStatus"] = ["Must be an HTTP error status (400 to 599)."];
        }
        if (LatencyMs is < 0 or > MaxLatencyMs)
        {
            errors["latencyMs"] = [$"Must be between 0 and {MaxLatencyMs}."];
        }
        if (RetryAfterSeconds is < 0)
        {
            errors["retryAfterSeconds"] = ["Must not be negative."];
        }
        ValidateRecipients(RecipientErrors, "recipientErrors", errors);
        ValidateRecipients(DeliveryFailures, "deliveryFailures", errors);
        return errors;
    }

    private static void ValidateRecipients(IReadOnlyDictionary<string, int>? recipients, string field, Dictionary<string, string[]> errors)
    {
        // The JSON may say null even though the property never is.
        if (recipients is null)
        {
            errors[field] = ["Must be an object of E.164 numbers to error codes."];
            return;
        }

        var problems = recipients
            .SelectMany(recipient => RecipientProblems(recipient.Key, recipient.Value))
            .ToArray();
        if (problems.Length > 0)
        {
            errors[field] = problems;
        }
    }

    private static IEnumerable<string> RecipientProblems(string number, int code)
    {
        if (!PhoneNumberFormat.IsE164(number))
        {
            yield return $"'{number}' is not an E.164 number.";
        }
        if (code <= 0)
        {
            yield return $"The error code for '{number}' must be positive.";
        }
    }
}
