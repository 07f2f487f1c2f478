using AutoReply.ServiceDefaults.Validation;

namespace AutoReply.SmsSandbox;

/// <summary>Fault settings a drill can apply: rates, statuses and delays in range, recipients as E.164 numbers.</summary>
public sealed class FaultSettingsValidator
{
    public Validated<FaultSettings> Validate(FaultSettings settings)
    {
        var errors = new FieldErrors();
        if (double.IsNaN(settings.FailureRate) || settings.FailureRate is < 0 or > 1)
        {
            errors.Add("failureRate", "Must be between 0 and 1.");
        }
        if (settings.FailureStatus is < 400 or > 599)
        {
            errors.Add("failureStatus", "Must be an HTTP error status (400 to 599).");
        }
        if (settings.LatencyMs is < 0 or > FaultSettings.MaxLatencyMs)
        {
            errors.Add("latencyMs", $"Must be between 0 and {FaultSettings.MaxLatencyMs}.");
        }
        if (settings.RetryAfterSeconds is < 0)
        {
            errors.Add("retryAfterSeconds", "Must not be negative.");
        }
        ValidateRecipients(settings.RecipientErrors, "recipientErrors", errors);
        ValidateRecipients(settings.DeliveryFailures, "deliveryFailures", errors);
        return errors.Result(() => settings);
    }

    private static void ValidateRecipients(IReadOnlyDictionary<string, int>? recipients, string field, FieldErrors errors)
    {
        // The JSON may say null even though the property never is.
        if (recipients is null)
        {
            errors.Add(field, "Must be an object of E.164 numbers to error codes.");
            return;
        }

        foreach (var problem in recipients.SelectMany(recipient => RecipientProblems(recipient.Key, recipient.Value)))
        {
            errors.Add(field, problem);
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
