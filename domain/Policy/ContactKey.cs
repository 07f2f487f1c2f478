namespace AutoReply.Domain.Policy;

/// <summary>A business number and one of its contacts: what cooldowns, activity and opt-outs are kept per.</summary>
public readonly record struct ContactKey(string PhoneNumber, string Contact)
{
    /// <summary>One order every writer takes rows in, so two batches locking the same contacts never deadlock.</summary>
    public static IComparer<ContactKey> LockOrder { get; } = Comparer<ContactKey>.Create((a, b) =>
        string.CompareOrdinal(a.PhoneNumber, b.PhoneNumber) is var byNumber and not 0 ? byNumber : string.CompareOrdinal(a.Contact, b.Contact));
}
