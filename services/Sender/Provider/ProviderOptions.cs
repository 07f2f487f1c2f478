using System.ComponentModel.DataAnnotations;

namespace AutoReply.Sender.Provider;

/// <summary>
/// The SMS provider (Twilio's Messages API or the sandbox speaking it). Pointing the sender at
/// the real provider is a matter of these settings alone.
/// </summary>
public sealed class ProviderOptions
{
    public const string Section = "Provider";

    /// <summary>e.g. https://api.twilio.com, or the sandbox's http://127.0.0.1:5090.</summary>
    [Required]
    public Uri? BaseUrl { get; set; }

    [Required]
    public string AccountSid { get; set; } = "";

    [Required]
    public string AuthToken { get; set; } = "";

    /// <summary>Where the provider posts delivery states: ingress's <c>/webhooks/provider/status</c>, as the provider reaches it.</summary>
    public Uri? StatusCallbackUrl { get; set; }

    /// <summary>Texts per second from one sending number (a US long code takes 1).</summary>
    [Range(0.01, 1000)]
    public double MessagesPerSecondPerNumber { get; set; } = 1;

    /// <summary>How many texts may wait for their number's rate limit before new ones are refused.</summary>
    [Range(1, 100_000)]
    public int RateLimitQueue { get; set; } = 10_000;

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    [Range(0, 10)]
    public int MaxRetries { get; set; } = 4;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A provider's Retry-After longer than this is capped: the command's own retry takes over.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(20);

    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long a text may wait for its number's rate limit before the attempt is given up (the
    /// provider not called) and retried later.
    /// </summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest an attempt can take, rate-limit wait included: after it, an unanswered attempt is over.</summary>
    public TimeSpan LongestAttempt => MaxRateLimitWait + TotalTimeout;
}
