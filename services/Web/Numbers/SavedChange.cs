using Microsoft.Extensions.Localization;

namespace AutoReply.Web.Numbers;

/// <summary>
/// What a form changed, named in the address it redirects to (<c>?saved=…</c>) so the number's page
/// can confirm it: a redirect after a post carries nothing else.
/// </summary>
public static class SavedChange
{
    public const string QueryName = "saved";
    public const string NumberAdded = "number";
    public const string SettingsSaved = "settings";
    public const string AutoReplyTurnedOn = "auto-reply-on";
    public const string AutoReplySaved = "auto-reply";
    public const string AutoReplyDeleted = "auto-reply-deleted";

    /// <summary><paramref name="path"/> (with or without a #fragment) naming <paramref name="change"/>.</summary>
    public static string On(string path, string change)
    {
        var fragment = path.IndexOf('#', StringComparison.Ordinal);
        return fragment < 0
            ? $"{path}?{QueryName}={change}"
            : $"{path[..fragment]}?{QueryName}={change}{path[fragment..]}";
    }

    public static string? Words(IStringLocalizer t, string? change) =>
        change is NumberAdded or SettingsSaved or AutoReplyTurnedOn or AutoReplySaved or AutoReplyDeleted ? t[$"Saved.{change}"].Value : null;
}
