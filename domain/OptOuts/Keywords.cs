namespace AutoReply.Domain.OptOuts;

public enum KeywordKind
{
    None,
    OptOut,
    OptIn,
    Help,
}

/// <summary>
/// The carrier keywords (Twilio's defaults). Only a body that is the keyword and nothing else
/// counts: "stop by later?" is an ordinary text.
/// </summary>
public static class Keywords
{
    private static readonly HashSet<string> OptOutWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT",
    };

    private static readonly HashSet<string> OptInWords = new(StringComparer.OrdinalIgnoreCase) { "START", "UNSTOP" };

    private static readonly HashSet<string> HelpWords = new(StringComparer.OrdinalIgnoreCase) { "HELP", "INFO" };

    /// <summary>YES opts back in only a contact who opted out; from anyone else it is an ordinary answer.</summary>
    private const string Yes = "YES";

    public static KeywordKind Classify(string? body, bool optedOut)
    {
        var word = body?.Trim();
        if (string.IsNullOrEmpty(word))
        {
            return KeywordKind.None;
        }
        if (OptOutWords.Contains(word))
        {
            return KeywordKind.OptOut;
        }
        if (OptInWords.Contains(word) || (optedOut && string.Equals(word, Yes, StringComparison.OrdinalIgnoreCase)))
        {
            return KeywordKind.OptIn;
        }
        return HelpWords.Contains(word) ? KeywordKind.Help : KeywordKind.None;
    }
}
