using AutoReply.Contracts;

namespace AutoReply.Domain.OptOuts;

/// <summary>
/// A contact's STOP and START to a business number. Kept in PostgreSQL, not Redis: losing an
/// opt-out would text someone who said STOP. Each counts by when the contact sent it, not by when
/// it was consumed: messages can be redelivered out of order, and a STOP consumed after a later
/// START must not opt the contact out again.
/// </summary>
public sealed class OptOut
{
    public required string PhoneNumber { get; init; }

    public required string Contact { get; init; }

    /// <summary>The latest STOP (or the provider's report of one); null while only a START is on record.</summary>
    public DateTimeOffset? OptedOutAt { get; set; }

    /// <summary>The latest START, if the contact has sent one.</summary>
    public DateTimeOffset? OptedInAt { get; set; }

    /// <summary>Where the latest opt-out came from.</summary>
    public required OptOutSource Source { get; set; }

    /// <summary>Opted out while the latest of the contact's STOP and START is a STOP.</summary>
    public bool IsOptedOut => OptedOutAt is { } stop && !(OptedInAt >= stop);

    public void OptOutAt(DateTimeOffset at, OptOutSource source)
    {
        if (OptedOutAt is null || at > OptedOutAt)
        {
            OptedOutAt = at;
            Source = source;
        }
    }

    public void OptInAt(DateTimeOffset at)
    {
        if (OptedInAt is null || at > OptedInAt)
        {
            OptedInAt = at;
        }
    }
}
