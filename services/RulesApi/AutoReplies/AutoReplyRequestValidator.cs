using AutoReply.Contracts;
using AutoReply.Sms;
using AutoReply.ServiceDefaults.Validation;
using NodaTime.Extensions;
using AutoReply.Domain.Choices;
using AutoReply.Domain.Languages;
using AutoReply.Domain.Numbers;
using AutoReply.Domain.Templates;

namespace AutoReply.RulesApi.AutoReplies;

/// <summary>A checked request to fill a slot.</summary>
public sealed record NewAutoReply(Trigger Trigger, Schedule Schedule, string Message, TimeSpan Delay, List<Translation> Translations);

/// <summary>A checked edit: the new message, and the new delay and translations if they were given.</summary>
public sealed record EditedAutoReply(string Message, TimeSpan? Delay, List<Translation>? Translations);

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
        CheckMessage("message", request?.Message, number.Language, number, errors);
        var delay = CheckDelay(request?.Delay, errors);
        var translations = CheckTranslations(request?.Translations, number, errors);
        return errors.Result(() => new NewAutoReply(trigger, schedule, request!.Message!, delay ?? TimeSpan.Zero, translations ?? []));
    }

    public Validated<EditedAutoReply> Validate(EditAutoReplyRequest? request, BusinessNumber number)
    {
        var errors = new FieldErrors();
        CheckMessage("message", request?.Message, number.Language, number, errors);
        var delay = CheckDelay(request?.Delay, errors);
        var translations = CheckTranslations(request?.Translations, number, errors);
        return errors.Result(() => new EditedAutoReply(request!.Message!, delay, translations));
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

    /// <summary>The message, written in <paramref name="language"/>, as the contact would read it now.</summary>
    public string Preview(string message, ReplyLanguage language, BusinessNumber number) =>
        MessageTemplate.Render(message, language, number.Name, number.Calendar(), clock.GetUtcNow().ToInstant());

    /// <summary>Absent: none given. Each in a language other than the number's, once, and a message that could be saved.</summary>
    private List<Translation>? CheckTranslations(List<TranslationRequest>? requests, BusinessNumber number, FieldErrors errors)
    {
        if (requests is null)
        {
            return null;
        }
        List<Translation> translations = [];
        for (var i = 0; i < requests.Count; i++)
        {
            var field = $"translations[{i}]";
            if (!Vocabulary.TryParse<ReplyLanguage>(requests[i]?.Language, out var language))
            {
                errors.Add($"{field}.language", $"language must be one of {string.Join(", ", Vocabulary.All<ReplyLanguage>())}.");
                continue;
            }
            if (language == number.Language)
            {
                errors.Add($"{field}.language", $"{Vocabulary.Name(language)} is the number's language: its text is message.");
                continue;
            }
            if (translations.Any(t => t.Language == language))
            {
                errors.Add($"{field}.language", $"{Vocabulary.Name(language)} appears twice.");
                continue;
            }
            if (CheckMessage($"{field}.message", requests[i].Message, language, number, errors))
            {
                translations.Add(new Translation(language, requests[i].Message!));
            }
        }
        return translations;
    }

    private bool CheckMessage(string field, string? message, ReplyLanguage language, BusinessNumber number, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            errors.Add(field, "message is required.");
            return false;
        }
        var templateErrors = MessageTemplate.FindErrors(message);
        foreach (var error in templateErrors)
        {
            errors.Add(field, error);
        }
        if (templateErrors.Count > 0)
        {
            return false;
        }
        var length = SmsEncoding.Measure(Preview(message, language, number));
        if (length.Segments > MaxSegments)
        {
            errors.Add(field, $"message is {length.Segments} SMS segments ({length.Encoding}); at most {MaxSegments} are allowed.");
            return false;
        }
        return true;
    }
}
