namespace AutoReply.AppHost;

internal static class ServiceProjects
{
    /// <summary>An AutoReply service: plain HTTP on its development port, healthy when <c>/health</c> answers.</summary>
    public static IResourceBuilder<ProjectResource> AddService<TProject>(this IDistributedApplicationBuilder builder, [ResourceName] string name, int port)
        where TProject : IProjectMetadata, new() =>
        builder.AddProject<TProject>(name)
            .WithHttpEndpoint(port: port, name: Http)
            .WithHttpHealthCheck("/health")
            // The services have no launch profiles to say it: they run in the AppHost's environment
            // (Development under eng/run.sh: Scalar's reference, detailed errors).
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName)
            // On Ctrl+C the dashboard goes with everything else: a service's last export must not wait
            // the default 10 s for it before the process may exit.
            .WithEnvironment("OTEL_EXPORTER_OTLP_TIMEOUT", "2000")
            // No HTTPS inside the development system: no developer certificate to configure or trust.
            .WithoutHttpsCertificate();

    public const string Http = "http";
}
