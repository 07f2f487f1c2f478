using System.ComponentModel.DataAnnotations;
using System.Net;

namespace AutoReply.ServiceDefaults.Http;

/// <summary>
/// The proxies in front of a service (a TLS-terminating ingress controller, a load balancer) whose
/// <c>X-Forwarded-For</c>, <c>-Proto</c> and <c>-Host</c> are believed: the client's own address for
/// rate limits and logs, https for Secure cookies and HSTS. Loopback is always believed; anyone else's
/// forwarded headers are ignored, so a client cannot choose its own address.
/// </summary>
public sealed class ProxyOptions : IValidatableObject
{
    public const string Section = "Proxies";

    /// <summary>Networks in CIDR notation, e.g. the cluster's pod network <c>10.244.0.0/16</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a row add their entry (an outer load balancer, then the ingress controller: 2).</summary>
    [Range(1, 10)]
    public int ForwardLimit { get; set; } = 1;

    public IEnumerable<IPNetwork> Networks() => KnownNetworks.Select(network => IPNetwork.Parse(network));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        KnownNetworks
            .Where(network => !IPNetwork.TryParse(network, out _))
            .Select(network => new ValidationResult(
                $"'{network}' is not a network in CIDR notation (such as 10.244.0.0/16).", [nameof(KnownNetworks)]));
}
