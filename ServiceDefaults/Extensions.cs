using AutoReply.ServiceDefaults.Health;
using AutoReply.ServiceDefaults.Http;
using AutoReply.ServiceDefaults.Logging;
using AutoReply.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every AutoReply service shares, in the shape of the Aspire service-defaults template:
/// telemetry, health endpoints, service discovery, resilient HTTP clients, problem details and
/// redacted logs.
/// </summary>
public static class ServiceDefaultsExtensions
{
    public const string ReadyTag = "ready";
    public const string LiveTag = "live";
    public const string HealthPath = "/health";
    public const string AlivePath = "/alive";

    /// <summary>Every check, dependencies included, with their errors: not anonymous outside Development (<see cref="HealthReportAccess"/>).</summary>
    public const string HealthReportPath = "/health/report";

    /// <summary>The metrics in Prometheus' text format, for a scraper (a ServiceMonitor in Kubernetes) and the benchmark.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>Meters and activity sources the services publish besides the framework's own.</summary>
    public static readonly string[] TelemetrySources = ["AutoReply.*", "MassTransit"];

    /// <summary>Polly's meter: every retry, timeout and circuit-breaker transition of a resilience pipeline (<c>resilience.polly.strategy.events</c>).</summary>
    public const string PollyMeter = "Polly";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.AddRedactedLogging();
        builder.AddHttpDefaults();

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(TelemetrySources)
                .AddMeter(PollyMeter)
                .AddPrometheusExporter())
            .WithTracing(tracing => tracing
                .AddProcessor<QuickRedisCommands>()
                .AddProcessor<SpanCounter>()
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(TelemetrySources)
                .AddAspNetCoreInstrumentation(aspnet =>
                {
                    aspnet.Filter = context =>
                        !context.Request.Path.StartsWithSegments(HealthPath)
                        && !context.Request.Path.StartsWithSegments(AlivePath)
                        && !context.Request.Path.StartsWithSegments(MetricsPath);
                    aspnet.EnrichWithHttpResponse = SpanRedaction.RedactServerSpan;
                })
                .AddHttpClientInstrumentation(http => http.EnrichWithHttpRequestMessage = SpanRedaction.RedactClientSpan));

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }
        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag])
            .AddCheck<StartedCheck>(StartedCheck.Name, tags: [ReadyTag]);
        builder.Services.AddSingleton<IHealthCheckPublisher, HealthMetrics>();
        builder.Services.AddOptions<MetricsEndpointOptions>()
            .Bind(builder.Configuration.GetSection(MetricsEndpointOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<HealthReportAccess>()
            .Bind(builder.Configuration.GetSection(HealthReportAccess.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return builder;
    }

    /// <summary>
    /// Maps <c>/alive</c> (liveness: the process runs), <c>/health</c> (readiness: started and not
    /// stopping) and <c>/health/report</c> (every check, dependencies included) in every environment:
    /// Kubernetes probes need them in production too.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(HealthPath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = HealthReportWriter.WriteAsync,
        }).AllowAnonymous();
        app.MapHealthChecks(AlivePath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(LiveTag),
            ResponseWriter = HealthReportWriter.WriteAsync,
        }).AllowAnonymous();
        app.MapGet(HealthReportPath, HealthReportWriter.WriteFullReportAsync).AllowAnonymous().ExcludeFromDescription();
        var metricsPort = app.Services.GetRequiredService<IOptions<MetricsEndpointOptions>>().Value.Port;
        app.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous().Add(endpoint =>
        {
            var scrape = endpoint.RequestDelegate!;
            endpoint.RequestDelegate = context => metricsPort is null || context.Connection.LocalPort == metricsPort
                ? scrape(context)
                : Results.NotFound().ExecuteAsync(context);
        });
        return app;
    }
}
