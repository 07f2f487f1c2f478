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

    public static string NewSid() => "SM" + Guid.NewGuid().ToString("N");
}
