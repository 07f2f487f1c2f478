namespace AutoReply.Contracts;

/// <summary>A slot's conditions in words, as the API and the web app show them ("Missed calls outside business hours").</summary>
public static class SlotDescriptions
{
    public static string Describe(Trigger trigger, Schedule schedule) => $"{Describe(trigger)} {Describe(schedule)}";

    private static string Describe(Trigger trigger) => trigger switch
    {
        Trigger.MissedCall => "Missed calls",
        Trigger.Voicemail => "New voicemails",
        _ => "Incoming text messages",
    };

    private static string Describe(Schedule schedule) => schedule == Schedule.BusinessHours ? "during business hours" : "outside business hours";
}
