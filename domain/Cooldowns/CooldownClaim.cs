namespace AutoReply.Domain.Cooldowns;

/// <summary>
/// The cooldown a <c>sent</c> decision holds on its number and contact: no other event may reply
/// before <see cref="ClaimedUntil"/>. Written in the decision's transaction, so a claim exists
/// exactly when its decision does; a reply at 10:00 with a three-hour cooldown blocks until 13:00.
/// </summary>
public sealed class CooldownClaim
{
    public required string PhoneNumber { get; init; }

    public required string Contact { get; init; }

    /// <summary>The event whose decision holds the claim.</summary>
    public required string EventId { get; init; }

    public DateTimeOffset ClaimedAt { get; init; }

    public DateTimeOffset ClaimedUntil { get; init; }

    /// <summary>Whether the claim still keeps other events from replying at <paramref name="at"/> (the claim's upsert takes it only when not).</summary>
    public bool HoldsAt(DateTimeOffset at) => ClaimedUntil > at;
}
