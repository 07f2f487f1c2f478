using AutoReply.Web.RulesApi;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace AutoReply.Web.Rules;

/// <summary>The <c>RulesApi</c> section: where the rules API is.</summary>
public sealed class RulesApiOptions
{
    public const string Section = "RulesApi";

    /// <summary>The rules service, by its service-discovery name.</summary>
    public Uri Url { get; set; } = new("http://rules-api");

    /// <summary>
    /// The client generated from docs/openapi/rules.json, sending through <paramref name="http"/>: its
    /// handlers (the person's token, resilience, telemetry) are the app's, so Kiota's own are left out.
    /// </summary>
    public RulesApiClient ClientFor(HttpClient http) =>
        new(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http) { BaseUrl = Url.ToString().TrimEnd('/') });
}
