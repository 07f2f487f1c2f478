using AutoReply.Web.Rules;
using AutoReply.Web.RulesApi.Models;

namespace AutoReply.Web.AutoReplies;

public static class AutoReplyForms
{
    /// <summary>The preview a page shows as it renders (the script takes over as one types); none for an empty or refused message.</summary>
    public static async Task<AutoReplyPreview?> PreviewAsync(RulesClient rules, string phoneNumber, string message) =>
        string.IsNullOrWhiteSpace(message) ? null : (await rules.PreviewAsync(phoneNumber, message, CancellationToken.None)).Value;

    /// <summary>The number's auto-reply <paramref name="id"/>; null once it is deleted (or its number).</summary>
    public static async Task<AutoReplyResponse?> FindAsync(RulesClient rules, string phoneNumber, Guid id) =>
        (await rules.AutoRepliesAsync(phoneNumber, CancellationToken.None)).SingleOrDefault(reply => reply.Id == id);
}
