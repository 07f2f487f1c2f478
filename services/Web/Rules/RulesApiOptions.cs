namespace AutoReply.Web.Rules;

/// <summary>The <c>RulesApi</c> section: where the rules API is.</summary>
public sealed class RulesApiOptions
{
    public const string Section = "RulesApi";

    /// <summary>The rules service, by its service-discovery name.</summary>
    public Uri Url { get; set; } = new("http://rules-api");
}
