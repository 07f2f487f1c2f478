using MassTransit;
using AutoReply.Sender.Data;
using AutoReply.Sender.Delivery;
using AutoReply.Sender.Provider;
using Microsoft.Extensions.Options;

namespace AutoReply.Sender;

public static class SenderRegistration
{
    public const string ProviderHealthCheck = "sms-provider";

    public static IHostApplicationBuilder AddSender(this IHostApplicationBuilder builder)
    {
        builder.AddPostgresDbContext<SenderDbContext>(SenderDbContext.Schema);
        builder.AddMessageBus(bus =>
        {
            bus.AddConsumer<SendAutoReplyConsumer, SendAutoReplyConsumerDefinition>();
            bus.AddConsumer<ProviderStatusConsumer, ProviderStatusConsumerDefinition>();
            bus.AddConsumer<SendFaultConsumer, SendFaultConsumerDefinition>();
        });

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SenderMetrics>();
        builder.Services.AddOptions<ProviderOptions>()
            .Bind(builder.Configuration.GetSection(ProviderOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddProviderClient();
        builder.Services.AddHealthChecks().AddCheck<ProviderCircuitState>(ProviderHealthCheck);
        return builder;
    }

    /// <summary>
    /// The provider client with its own resilience pipeline, its per-number rate limiter and its
    /// circuit state. Bind <see cref="ProviderOptions"/> before calling this.
    /// </summary>
    public static IHttpClientBuilder AddProviderClient(this IServiceCollection services)
    {
        services.AddSingleton(provider => ProviderPipeline.CreateRateLimiter(provider.GetRequiredService<IOptions<ProviderOptions>>().Value));
        services.AddSingleton<ProviderCircuitState>();

        // The provider gets its own pipeline instead of the standard handler: retrying a send on any 5xx could text twice.
#pragma warning disable EXTEXP0001 // Experimental, but the only way to take the standard handler off one client.
        var client = services.AddHttpClient<TwilioMessagesClient>().RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        client.AddResilienceHandler(ProviderHealthCheck, (pipeline, context) => ProviderPipeline.Configure(
            pipeline,
            context.ServiceProvider.GetRequiredService<IOptions<ProviderOptions>>().Value,
            context.ServiceProvider.GetRequiredService<System.Threading.RateLimiting.PartitionedRateLimiter<string>>(),
            context.ServiceProvider.GetRequiredService<ProviderCircuitState>()));
        return client;
    }
}
