using AutoReply.Contracts;

namespace AutoReply.Domain.Languages;

/// <summary>The language of the last text a contact sent a number that could be told, and when they sent it.</summary>
public sealed class ContactLanguage
{
    public required string PhoneNumber { get; init; }

    public required string Contact { get; init; }

    public required ReplyLanguage Language { get; init; }

    public required DateTimeOffset TextAt { get; init; }
}
