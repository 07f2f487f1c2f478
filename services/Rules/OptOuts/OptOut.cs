using AutoReply.Contracts;

namespace AutoReply.Rules.OptOuts;

/// <summary>
/// A contact who asked a business number to stop texting them. Kept in PostgreSQL, not Redis:
/// losing an opt-out would text someone who said STOP.
/// </summary>
public sealed class OptOut
{
    public required string PhoneNumber { get; init; }

    public required string Contact { get; init; }

    public DateTimeOffset OptedOutAt { get; set; }

    public required OptOutSource Source { get; set; }
}
