using AutoReply.Contracts;
using AutoReply.Domain.AutoReplies;
using AutoReply.Domain.Numbers;

namespace AutoReply.Domain.Languages;

/// <summary>
/// The language a reply goes out in, why, and the message written in it: the contact's language
/// when the auto-reply has a message in it, else the number's (docs/behaviour.md, "Replies in the
/// contact's language").
/// </summary>
public sealed record LanguageChoice(ReplyLanguage Language, LanguageReason Reason, string Message)
{
    /// <param name="contactLanguage">The language of the contact's last text that could be told; none when no text could be.</param>
    public static LanguageChoice For(BusinessNumber number, AutoReplyDefinition reply, ReplyLanguage? contactLanguage)
    {
        if (contactLanguage is not { } wanted)
        {
            return new(number.Language, LanguageReason.ContactLanguageUnknown, reply.Message);
        }
        if (wanted == number.Language)
        {
            return new(wanted, LanguageReason.ContactLanguage, reply.Message);
        }
        return reply.Translations.FirstOrDefault(t => t.Language == wanted) is { } translation
            ? new(wanted, LanguageReason.ContactLanguage, translation.Message)
            : new(number.Language, LanguageReason.NoMessageInContactLanguage, reply.Message);
    }
}
