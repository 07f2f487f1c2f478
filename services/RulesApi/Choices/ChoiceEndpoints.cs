using AutoReply.Contracts;
using AutoReply.Domain.Choices;
using AutoReply.Domain.Numbers;
using AutoReply.Domain.Templates;

namespace AutoReply.RulesApi.Choices;

/// <summary>A slot an auto-reply can fill, with its conditions in words.</summary>
public sealed record SlotChoice(Trigger Trigger, Schedule Schedule, string Conditions);

/// <summary>A kind of event, by the name a list of decisions gives one of them.</summary>
public sealed record TriggerChoice(Trigger Trigger, string Name);

/// <summary>The delays an auto-reply accepts (ISO-8601 durations): the ones a form offers, the default and the longest.</summary>
public sealed record DelayChoices(IReadOnlyList<string> Offered, string Default, string Max);

/// <summary>A number's windows (ISO-8601 durations): the ones a form offers, each one's default and the longest.</summary>
public sealed record WindowChoices(IReadOnlyList<string> Offered, string Max, string Cooldown, string RecentActivityWindow, string MaxEventAge);

/// <summary>A variable a message may use, in braces, and what it becomes.</summary>
public sealed record VariableChoice(string Name, string Meaning);

/// <summary>A rule that can stop a reply: its name, and the words a business owner reads when it did.</summary>
public sealed record ReasonWords(SuppressionReason Reason, string Rule, string Words);

/// <summary>What the settings forms may offer and how decisions read, as the API accepts and words them.</summary>
public sealed record SettingsChoices(
    IReadOnlyList<SlotChoice> Slots,
    IReadOnlyList<TriggerChoice> Triggers,
    DelayChoices Delays,
    WindowChoices Windows,
    IReadOnlyList<VariableChoice> Variables,
    IReadOnlyList<ReasonWords> Reasons);

/// <summary><c>GET /v1/choices</c>: the limits, defaults and words of the settings, so clients offer exactly what the API accepts.</summary>
public static class ChoiceEndpoints
{
    private static readonly SettingsChoices All = new(
        [.. Enum.GetValues<Trigger>().SelectMany(trigger => Enum.GetValues<Schedule>().Select(schedule => new SlotChoice(trigger, schedule, SlotDescriptions.Describe(trigger, schedule))))],
        [.. Enum.GetValues<Trigger>().Select(trigger => new TriggerChoice(trigger, SlotDescriptions.Name(trigger)))],
        new DelayChoices([.. SettingChoices.Delays.Select(IsoDuration.Format)], IsoDuration.Format(TimeSpan.Zero), IsoDuration.Format(SettingChoices.MaxDelay)),
        new WindowChoices(
            [.. SettingChoices.Windows.Select(IsoDuration.Format)],
            IsoDuration.Format(BusinessNumber.MaxWindow),
            IsoDuration.Format(SettingChoices.DefaultCooldown),
            IsoDuration.Format(SettingChoices.DefaultRecentActivityWindow),
            IsoDuration.Format(SettingChoices.DefaultMaxEventAge)),
        [.. MessageTemplate.Variables.Select(name => new VariableChoice($"{{{name}}}", MessageTemplate.Meanings[name]))],
        [.. Enum.GetValues<SuppressionReason>().Select(reason => new ReasonWords(reason, ReasonDescriptions.RuleName(reason), ReasonDescriptions.Describe(reason)))]);

    public static IEndpointRouteBuilder MapChoiceEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/choices", () => TypedResults.Ok(All)).WithTags("Templates")
            .WithSummary("The settings' limits, defaults and words: slots, delays, windows, message variables and the reasons a contact got no reply");
        return routes;
    }
}
