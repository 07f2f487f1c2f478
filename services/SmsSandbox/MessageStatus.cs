namespace AutoReply.SmsSandbox;

/// <summary>The provider's message states that the sandbox goes through.</summary>
public static class MessageStatus
{
    public const string Queued = "queued";
    public const string Sent = "sent";
    public const string Delivered = "delivered";
    public const string Undelivered = "undelivered";
    public const string Failed = "failed";

    // The provider reports these as a message it could not send at all; any other error code means
    // the carrier took the message and the handset never got it.
    private static readonly HashSet<int> NeverSentErrorCodes = [30001, 30002, 30008];

    /// <summary>Where a message ends: delivered, or the failure state its delivery error implies.</summary>
    public static string Final(int? deliveryErrorCode) => deliveryErrorCode switch
    {
        null => Delivered,
        { } code when NeverSentErrorCodes.Contains(code) => Failed,
        _ => Undelivered,
    };
}
