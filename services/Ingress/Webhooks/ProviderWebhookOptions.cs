namespace AutoReply.Ingress.Webhooks;

public sealed class ProviderWebhookOptions
{
    public const string Section = "Provider";

    /// <summary>The provider account's auth token: the key of <c>X-Twilio-Signature</c>.</summary>
    public string AuthToken { get; set; } = "";

    /// <summary>
    /// The public address the provider posts to (e.g. https://autoreply.example.com), when ingress
    /// sits behind a proxy: signatures cover the URL the provider used, not the one ingress sees.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }
}
