using AutoReply.Contracts;
using AutoReply.Domain.Languages;

namespace AutoReply.Domain.AutoReplies;

/// <summary>
/// An active auto-reply: the text one slot of a number sends. A number has six slots, one per
/// trigger and schedule; deleting the row is what stops the auto-reply.
/// </summary>
public sealed class AutoReplyDefinition
{
    public Guid Id { get; init; }

    public required string PhoneNumber { get; init; }

    public required Trigger Trigger { get; init; }

    public required Schedule Schedule { get; init; }

    /// <summary>The text, in its number's <see cref="Numbers.BusinessNumber.Language"/>.</summary>
    public required string Message { get; set; }

    /// <summary>The text in other languages, for contacts who write in them; at most one per language.</summary>
    public List<Translation> Translations { get; set; } = [];

    /// <summary>How long a reply waits before it goes out, cancelled if the business answers first; zero sends at once.</summary>
    public TimeSpan Delay { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }
}
