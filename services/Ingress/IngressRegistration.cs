using AutoReply.Ingress.Deduplication;
using AutoReply.Ingress.Events;
using AutoReply.Ingress.Webhooks;

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
        routes.MapEventEndpoints();
        routes.MapProviderWebhooks();
        return routes;
    }
}
