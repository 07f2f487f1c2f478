using System.ComponentModel.DataAnnotations;

namespace AutoReply.ServiceDefaults.Telemetry;

/// <summary>
/// Where <c>/metrics</c> answers. With <c>Metrics__Port</c> set (the Kubernetes manifests: 9464, which
/// the services also listen on), only on connections to that port: an Ingress routes to the http
/// port, so the web app's public <c>/</c> does not carry its metrics to the internet. Unset
/// (development, the AppHost, the benchmark), on every port.
/// </summary>
public sealed class MetricsEndpointOptions
{
    public const string Section = "Metrics";

    [Range(1, 65535)]
    public int? Port { get; set; }
}
