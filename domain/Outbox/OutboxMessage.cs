namespace AutoReply.Domain.Outbox;

/// <summary>
/// A message written in the same transaction as the change that calls for it (a <c>sent</c>
/// decision's send command), and deleted once the broker has confirmed it: a message exists here
/// exactly until it is on the bus.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; }

    /// <summary>The send address, e.g. <c>exchange:send-auto-reply</c>.</summary>
    public required string Destination { get; init; }

    /// <summary>The contract's full type name; only contracts messages go through the outbox.</summary>
    public required string MessageType { get; init; }

    public required string Body { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The W3C <c>traceparent</c> of the work that wrote it: the relay's span links there.</summary>
    public string? TraceParent { get; init; }
}
