using System.ComponentModel.DataAnnotations;

namespace AutoReply.Messaging;

/// <summary>The <c>Messaging</c> settings every consumer's transient-failure retries read.</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>Retries of a message that fails for a transient reason (about two and a half minutes in all at 10).</summary>
    [Range(0, 20)]
    public int RetryLimit { get; set; } = 10;
}
