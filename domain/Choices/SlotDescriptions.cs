using AutoReply.Contracts;

namespace AutoReply.Domain.Choices;

/// <summary>A slot's conditions in words, as the API shows them to people ("Missed calls outside business hours").</summary>
public static class SlotDescriptions
{
    public static string Describe(Trigger trigger, Schedule schedule) => $"{Describe(trigger)} {Describe(schedule)}";

    /// <summary>One event of the kind, as a list of decisions names it ("Missed call").</summary>
    public static string Name(Trigger trigger) => trigger switch
    {
        Trigger.MissedCall => "Missed call",
        Trigger.Voicemail => "Voicemail",
        _ => "Text message",
    };

    private static string Describe(Trigger trigger) => trigger switch
    {
        Trigger.MissedCall => "Missed calls",
        Trigger.Voicemail => "New voicemails",
        _ => "Incoming text messages",
    };

    private static string Describe(Schedule schedule) => schedule == Schedule.BusinessHours ? "during business hours" : "outside business hours";
}
