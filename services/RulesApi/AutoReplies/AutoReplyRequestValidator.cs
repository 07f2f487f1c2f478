using AutoReply.Contracts;
using AutoReply.Sms;
using AutoReply.ServiceDefaults.Validation;
using NodaTime.Extensions;
using AutoReply.Domain.Choices;
using AutoReply.Domain.Numbers;
using AutoReply.Domain.Templates;

namespace AutoReply.RulesApi.AutoReplies;

/// <summary>A checked request to fill a slot.</summary>
public sealed record NewAutoReply(Trigger Trigger, Schedule Schedule, string Message, TimeSpan Delay);

/// <summary>A checked edit: the new message, and the new delay if one was given.</summary>
public sealed record EditedAutoReply(string Message, TimeSpan? Delay);

/// <summary>
/// Checks auto-reply requests against the number they are for: the slot names, the message's
/// variables, and its length once rendered with the number's name and hours.
/// </summary>
public sealed class AutoReplyRequestValidator(TimeProvider clock)
{
    /// <summary>A message over ten segments is refused (docs/behaviour.md).</summary>
    public const int MaxSegments = 10;

    public Validated<NewAutoReply> Validate(CreateAutoReplyRequest? request, BusinessNumber number)
    {
        var errors = new FieldErrors();
        if (!Vocabulary.TryParse<Trigger>(request?.Trigger, out var trigger))
        {
            errors.Add("trigger", $"trigger must be one of {string.Join(", ", Vocabulary.All<Trigger>())}.");
        }
        if (!Vocabulary.TryParse<Schedule>(request?.Schedule, out var schedule))
        {
            errors.Add("schedule", $"schedule must be one of {string.Join(", ", Vocabulary.All<Schedule>())}.");
        }
        CheckMessage(request?.Message, number, errors);
        var delay = CheckDelay(request?.Delay, errors);
        return errors.Result(() => new NewAutoReply(trigger, schedule, request!.Message!, delay ?? TimeSpan.Zero));
    }

    public Validated<EditedAutoReply> Validate(EditAutoReplyRequest? request, BusinessNumber number)
    {
        var errors = new FieldErrors();
        CheckMessage(request?.Message, number, errors);
        var delay = CheckDelay(request?.Delay, errors);
        return errors.Result(() => new EditedAutoReply(request!.Message!, delay));
    }

    private static TimeSpan? CheckDelay(string? text, FieldErrors errors)
    {
        if (text is null)
        {
            return null;
        }
        var delay = IsoDuration.Parse(text);
        if (delay is null || delay < TimeSpan.Zero || delay > SettingChoices.MaxDelay)
        {
            errors.Add("delay", "delay must be an ISO-8601 duration from PT0S to PT10M, such as PT1M.");
            return null;
        }
        return delay;
    }

    /// <summary>The message as the contact would read it now.</summary>
    public string Preview(string message, BusinessNumber number) =>
        MessageTemplate.Render(message, number.Name, number.Calendar(), clock.GetUtcNow().ToInstant());

    private void CheckMessage(string? message, BusinessNumber number, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            errors.Add("message", "message is required.");
            return;
        }
        var templateErrors = MessageTemplate.FindErrors(message);
        foreach (var error in templateErrors)
        {
            errors.Add("message", error);
        }
        if (templateErrors.Count > 0)
        {
            return;
        }
        var length = SmsEncoding.Measure(Preview(message, number));
        if (length.Segments > MaxSegments)
        {
            errors.Add("message", $"message is {length.Segments} SMS segments ({length.Encoding}); at most {MaxSegments} are allowed.");
        }
    }
}
