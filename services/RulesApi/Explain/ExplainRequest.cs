using AutoReply.Contracts;
using AutoReply.ServiceDefaults.Http;
using AutoReply.ServiceDefaults.Validation;
using AutoReply.Domain.Numbers;
using AutoReply.Domain.Policy;

namespace AutoReply.RulesApi.Explain;

/// <summary>The body of <c>POST /v1/numbers/{phoneNumber}/explain</c>: the event to imagine.</summary>
public sealed record ExplainRequest(string? Trigger, string? Contact, DateTimeOffset? At = null, string? Body = null) : IOpenApiExample<ExplainRequest>
{
    public static ExplainRequest Example => new("missed_call", "+14155550199", DateTimeOffset.Parse("2026-11-24T15:04:05Z", System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>The hours that applied at the event's moment: its day in the number's time zone, and whether they came from a dated override.</summary>
public sealed record HoursThatApplied(string Date, string TimeZone, bool Open, bool Override, IReadOnlyList<HoursRange> Hours);

/// <summary>The slot the event falls in, and its auto-reply if it has one.</summary>
public sealed record SlotChosen(Trigger Trigger, Schedule Schedule, string Conditions, Guid? AutoReplyId);

/// <summary>
/// The language a reply would go out in, and why: <see cref="ContactLanguage"/> is that of the
/// contact's last text that could be told (the imagined text itself, or one sent at <see cref="ContactTextAt"/>).
/// </summary>
public sealed record LanguageChosen(ReplyLanguage Language, LanguageReason Reason, ReplyLanguage? ContactLanguage, DateTimeOffset? ContactTextAt);

/// <summary>What a decision for the imagined event would be now, and why; nothing is claimed, recorded or sent.</summary>
public sealed record Explanation(
    Outcome Outcome,
    SuppressionReason? Reason,
    DateTimeOffset At,
    DateTimeOffset DecidedAt,
    SlotChosen Slot,
    HoursThatApplied Hours,
    string? Message,
    string? Encoding,
    int? Segments,
    LanguageChosen? Language,
    IReadOnlyList<RuleCheck> Rules);

/// <summary>A checked <see cref="ExplainRequest"/>.</summary>
public sealed record ImaginedEvent(Trigger Trigger, string Contact, DateTimeOffset? At, string? Body);

public sealed class ExplainRequestValidator
{
    public Validated<ImaginedEvent> Validate(ExplainRequest? request)
    {
        var errors = new FieldErrors();
        if (!Vocabulary.TryParse<Trigger>(request?.Trigger, out var trigger))
        {
            errors.Add("trigger", $"trigger must be one of {string.Join(", ", Vocabulary.All<Trigger>())}.");
        }
        if (!PhoneNumberFormat.IsE164(request?.Contact))
        {
            errors.Add("contact", $"contact {PhoneNumberFormat.E164Hint}.");
        }
        if (request?.Body is not null && trigger != Trigger.Message)
        {
            errors.Add("body", "body is the text of a message: only for the trigger message.");
        }
        return errors.Result(() => new ImaginedEvent(trigger, request!.Contact!, request.At?.ToUniversalTime(), request.Body));
    }
}
