using System.ComponentModel.DataAnnotations;

namespace AutoReply.Messaging;

/// <summary>The <c>Messaging</c> settings: every consumer's transient-failure retries, and how often the queues' backlog is read.</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>Retries of a message that fails for a transient reason (about two and a half minutes in all at 10).</summary>
    [Range(0, 20)]
    public int RetryLimit { get; set; } = 10;

    /// <summary>How often <see cref="QueueBacklog"/> asks the broker how many messages wait in each queue.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan BacklogInterval { get; set; } = TimeSpan.FromSeconds(10);
}
