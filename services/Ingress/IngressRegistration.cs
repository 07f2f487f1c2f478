using AutoReply.Ingress.Access;
using AutoReply.Ingress.Deduplication;
using AutoReply.Ingress.Events;
using AutoReply.Ingress.Webhooks;
using AutoReply.ServiceDefaults.Http;
using AutoReply.Security;

namespace AutoReply.Ingress;

public static class IngressRegistration
{
    public static IHostApplicationBuilder AddIngress(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<EventValidator>();
        builder.Services.AddSingleton<StatusCallbackValidator>();
        builder.Services.AddSingleton<EventIdRegistry>();
        builder.Services.AddSingleton<IngressMetrics>();
        builder.Services.AddScoped<EventIntake>();
        builder.Services.AddSingleton<BrokerCircuit>();
        builder.Services.AddHealthChecks().AddCheck<BrokerCircuit>(BrokerCircuit.HealthCheckName);
        builder.Services.AddOptions<KeyCheckOptions>()
            .Bind(builder.Configuration.GetSection(KeyCheckOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddFusionCache();
        builder.Services.AddSingleton<RulesAsker>();
        builder.Services.AddSingleton<IApiKeyResolver, RulesApiKeyResolver>();
        builder.Services.AddSingleton<NumberAccess>();
        // A question to rules waits seconds at most: past that a key check is answered 503, or the last answer stands.
#pragma warning disable EXTEXP0001 // Replacing the default handler is the documented way to give one client its own timeouts.
        builder.Services.AddHttpClient(RulesAsker.ClientName)
            .RemoveAllResilienceHandlers()
            .AddStandardResilienceHandler(resilience =>
            {
                resilience.AttemptTimeout.Timeout = TimeSpan.FromSeconds(2);
                resilience.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(5);
                resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(10);
            });
#pragma warning restore EXTEXP0001
        builder.Services.AddOptions<ProviderWebhookOptions>()
            .Bind(builder.Configuration.GetSection(ProviderWebhookOptions.Section))
            .Validate(options => !string.IsNullOrEmpty(options.AuthToken), "Provider:AuthToken is required to check webhook signatures.")
            .ValidateOnStart();
        return builder;
    }

    public static IEndpointRouteBuilder MapIngressEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.RateLimitedGroup(RateLimits.Events).MapEventEndpoints();
        // Signed by the provider, not sent with an API key: its own retries set the pace.
        routes.MapProviderWebhooks();
        return routes;
    }
}
