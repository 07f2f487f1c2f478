using AutoReply.Web.Localization;
using AutoReply.Web.Rules;
using AutoReply.Web.RulesApi.Models;

namespace AutoReply.Web.AutoReplies;

public static class AutoReplyForms
{
    /// <summary>
    /// The preview a page shows as it renders, with the translation's (the script takes over the
    /// message's as one types); none for an empty or refused message.
    /// </summary>
    public static async Task<AutoReplyPreview?> PreviewAsync(RulesClient rules, string phoneNumber, AutoReplyInput input, string numberLanguage) =>
        string.IsNullOrWhiteSpace(input.Message) ? null : (await rules.PreviewAsync(phoneNumber, input.Message, input.Translations(numberLanguage), CancellationToken.None)).Value;

    /// <summary>The example's message in <paramref name="language"/>, whichever language the library was read in; empty for none.</summary>
    public static string ExampleIn(ExampleMessage? example, string language) =>
        example is null ? ""
        : Languages.Current == language ? example.Message ?? ""
        : example.Translations?.FirstOrDefault(t => ReplyLanguages.Name(t.Language) == language)?.Message ?? "";

    /// <summary>The number's auto-reply <paramref name="id"/>; null once it is deleted (or its number).</summary>
    public static async Task<AutoReplyResponse?> FindAsync(RulesClient rules, string phoneNumber, Guid id) =>
        (await rules.AutoRepliesAsync(phoneNumber, CancellationToken.None)).SingleOrDefault(reply => reply.Id == id);
}
