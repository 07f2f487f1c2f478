using System.ComponentModel.DataAnnotations;

namespace AutoReply.SmsSandbox;

/// <summary>The <c>Sandbox</c> configuration section: the one account it serves and how fast it "delivers".</summary>
public sealed class SandboxOptions
{
    public const string SectionName = "Sandbox";

    [Required]
    [RegularExpression("^AC[0-9a-fA-F]{32}$", ErrorMessage = "An account SID is AC followed by 32 hexadecimal digits.")]
    public string AccountSid { get; set; } = "AC00000000000000000000000000000000";

    [Required]
    public string AuthToken { get; set; } = "dev-token";

    /// <summary>The pause before each status change (queued → sent, sent → final), as a carrier would take.</summary>
    [Range(0, 60_000)]
    public int StatusCallbackDelayMs { get; set; } = 200;

    /// <summary>How often a status callback the receiver refused is tried again before it is dropped.</summary>
    [Range(1, 10)]
    public int StatusCallbackRetries { get; set; } = 3;

    /// <summary>The first pause before a retry; each later one doubles, with jitter.</summary>
    [Range(0, 60_000)]
    public int StatusCallbackRetryDelayMs { get; set; } = 500;
}
