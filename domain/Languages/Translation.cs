using AutoReply.Contracts;

namespace AutoReply.Domain.Languages;

/// <summary>An auto-reply's message in another language than its number's.</summary>
public sealed record Translation(ReplyLanguage Language, string Message);
