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

    /// <summary><c>keyword</c> (the contact texted STOP) or <c>provider</c> (the provider refused with 21610).</summary>
    public required string Source { get; set; }
}
