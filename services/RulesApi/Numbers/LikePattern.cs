namespace AutoReply.RulesApi.Numbers;

/// <summary>Typed words inside a LIKE pattern, matched as they are: % and _ lose their meaning.</summary>
public static class LikePattern
{
    public const string EscapeCharacter = "\\";

    public static string Escape(string text) =>
        text.Replace(EscapeCharacter, EscapeCharacter + EscapeCharacter, StringComparison.Ordinal)
            .Replace("%", EscapeCharacter + "%", StringComparison.Ordinal)
            .Replace("_", EscapeCharacter + "_", StringComparison.Ordinal);
}
