namespace AutoReply.SmsSandbox;

/// <summary>A text the sandbox accepted for sending, in its current delivery state.</summary>
public sealed record SandboxMessage(
    string Sid,
    string AccountSid,
    string To,
    string From,
    string Body,
    int Segments,
    string? StatusCallback,
    string? IdempotencyKey,
    DateTimeOffset DateCreated)
{
    public string Status { get; init; } = MessageStatus.Queued;

    public DateTimeOffset DateUpdated { get; init; } = DateCreated;

    public int? ErrorCode { get; init; }

    /// <summary>
    /// Create requests that repeated this message's idempotency key. The real provider has no such
    /// key and would have sent each of them, so a client under test should leave this at zero.
    /// </summary>
    public int RepeatedCreates { get; init; }

    public static string NewSid() => "SM" + Guid.NewGuid().ToString("N");
}
