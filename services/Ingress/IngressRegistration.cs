using AutoReply.Ingress.Deduplication;
using AutoReply.Ingress.Events;
using AutoReply.Ingress.Webhooks;
using AutoReply.ServiceDefaults.Http;

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
