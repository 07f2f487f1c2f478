using AutoReply.Contracts.Commands;
using AutoReply.Sender.Data;
using AutoReply.Sender.Delivery;
using AutoReply.Sender.Provider;
using Microsoft.Extensions.Options;

namespace AutoReply.Sender;

public static class SenderRegistration
{
    public static IHostApplicationBuilder AddSender(this IHostApplicationBuilder builder)
    {
        builder.AddPostgresDbContext<SenderDbContext>(SenderDbContext.Schema);
        builder.AddMessageBus(bus =>
        {
            bus.AddConsumer<SendAutoReplyConsumer>().Endpoint(endpoint => endpoint.Name = Queues.SendAutoReply);
            bus.AddConsumer<ProviderStatusConsumer>();
            bus.AddConsumer<SendFaultConsumer>();
        });

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SenderMetrics>();
        builder.Services.AddOptions<ProviderOptions>()
            .Bind(builder.Configuration.GetSection(ProviderOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(services => ProviderPipeline.CreateRateLimiter(services.GetRequiredService<IOptions<ProviderOptions>>().Value));
        builder.Services.AddSingleton<ProviderCircuitState>();
        builder.Services.AddHealthChecks().AddCheck<ProviderCircuitState>("sms-provider", tags: [ServiceDefaultsExtensions.ReadyTag]);

        // The provider gets its own pipeline instead of the standard handler: retrying a send on any 5xx could text twice.
#pragma warning disable EXTEXP0001 // Experimental, but the only way to take the standard handler off one client.
        builder.Services.AddHttpClient<TwilioMessagesClient>()
            .RemoveAllResilienceHandlers()
            .AddResilienceHandler("sms-provider", (pipeline, context) => ProviderPipeline.Configure(
                pipeline,
                context.ServiceProvider.GetRequiredService<IOptions<ProviderOptions>>().Value,
                context.ServiceProvider.GetRequiredService<System.Threading.RateLimiting.PartitionedRateLimiter<string>>(),
                context.ServiceProvider.GetRequiredService<ProviderCircuitState>()));
#pragma warning restore EXTEXP0001
        return builder;
    }
}
