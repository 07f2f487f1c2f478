using System.ComponentModel.DataAnnotations;

namespace AutoReply.Ingress.Access;

/// <summary>The <c>KeyCheck</c> section: how ingress checks workspaces' keys with the rules service.</summary>
public sealed class KeyCheckOptions
{
    public const string Section = "KeyCheck";

    /// <summary>The rules service, by its service-discovery name.</summary>
    [Required]
    public Uri RulesUrl { get; set; } = new("http://rules-api");

    /// <summary>How long an answer stands before ingress asks again (in the background): the longest a revoked key still works here.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan FreshFor { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a known key keeps working while the rules service does not answer.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan StaleFor { get; set; } = TimeSpan.FromMinutes(10);
}
