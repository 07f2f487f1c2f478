using System.Globalization;
using AutoReply.Contracts;
using AutoReply.ServiceDefaults.Validation;

namespace AutoReply.Ingress.Events;

/// <summary>An event that passed validation, with its fields parsed.</summary>
public sealed record ValidEvent(string Id, EventType Type, string PhoneNumber, string Contact, DateTimeOffset OccurredAt, string? Body);

/// <summary>
/// Checks an event before anything is published. Errors are keyed by the camelCase field name so
/// they map straight onto a problem-details <c>errors</c> map.
/// </summary>
public sealed class EventValidator(TimeProvider clock)
{
    public const int MaxIdLength = 128;
    public const int MaxBodyLength = 5000;

    /// <summary>Clocks drift; an event from further in the future than this is a client bug.</summary>
    public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(5);

    public Validated<ValidEvent> Validate(EventRequest request)
    {
        var errors = new FieldErrors();

        if (string.IsNullOrEmpty(request.Id) || request.Id.Length > MaxIdLength || request.Id.Any(char.IsControl))
        {
            errors.Add("id", $"id is required: 1 to {MaxIdLength} printable characters.");
        }

        if (!Vocabulary.TryParse<EventType>(request.Type, out var type))
        {
            errors.Add("type", $"type must be one of {string.Join(", ", Vocabulary.All<EventType>())}.");
        }

        if (!PhoneNumberFormat.IsE164(request.PhoneNumber))
        {
            errors.Add("phoneNumber", $"phoneNumber {PhoneNumberFormat.E164Hint}.");
        }

        if (!PhoneNumberFormat.IsE164(request.Contact))
        {
            errors.Add("contact", $"contact {PhoneNumberFormat.E164Hint}.");
        }
        else if (request.Contact == request.PhoneNumber)
        {
            errors.Add("contact", "contact must differ from phoneNumber.");
        }

        var occurredAt = ParseTimestamp(request.OccurredAt);
        if (occurredAt is null)
        {
            errors.Add("occurredAt", "occurredAt must be an ISO-8601 timestamp with an offset, such as 2026-11-24T15:04:05Z.");
        }
        else if (occurredAt > clock.GetUtcNow() + AllowedClockSkew)
        {
            errors.Add("occurredAt", "occurredAt is in the future.");
        }

        if (request.Body is not null)
        {
            if (type != EventType.MessageReceived)
            {
                errors.Add("body", $"body is only allowed on {Vocabulary.Name(EventType.MessageReceived)} events.");
            }
            else if (request.Body.Length > MaxBodyLength)
            {
                errors.Add("body", $"body is limited to {MaxBodyLength} characters.");
            }
        }

        return errors.Result(() => new ValidEvent(request.Id!, type, request.PhoneNumber!, request.Contact!, occurredAt!.Value, request.Body));
    }

    private static DateTimeOffset? ParseTimestamp(string? value)
    {
        // An offset is required: a local time without one would be read in the server's zone.
        if (value is null || !(value.EndsWith('Z') || value.EndsWith('z') || HasNumericOffset(value)))
        {
            return null;
        }
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null;
    }

    private static bool HasNumericOffset(string value) =>
        value.Length > 6 && (value[^6] == '+' || value[^6] == '-') && value[^3] == ':';
}
