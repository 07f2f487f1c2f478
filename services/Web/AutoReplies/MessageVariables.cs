namespace AutoReply.Web.AutoReplies;

/// <summary>The variables a message may use, as the editor explains them (the rules API renders and checks them).</summary>
public static class MessageVariables
{
    public static IReadOnlyList<(string Name, string Meaning)> All { get; } =
    [
        ("{business_name}", "the number's name"),
        ("{business_hours}", "today's hours, or \"closed today\""),
        ("{next_open}", "when you open next, such as \"Monday at 9:00 AM\""),
    ];
}
