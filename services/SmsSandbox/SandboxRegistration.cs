using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace AutoReply.SmsSandbox;

public static class SandboxRegistration
{
    private static readonly TimeSpan CallbackAttemptTimeout = TimeSpan.FromSeconds(10);

    public static IHostApplicationBuilder AddSmsSandbox(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SandboxOptions>()
            .Bind(builder.Configuration.GetSection(SandboxOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<MessageStore>();
        builder.Services.AddSingleton<ActiveFaults>();
        builder.Services.AddSingleton<FaultSettingsValidator>();
        builder.Services.AddSingleton<StatusCallbackSender>();
        builder.Services.AddSingleton<StatusCallbackDispatcher>();
        builder.Services.AddHostedService(services => services.GetRequiredService<StatusCallbackDispatcher>());

        // The shared standard handler retries only transient answers; the provider retries any refusal.
        // Removing it is marked experimental; the package version is pinned centrally.
#pragma warning disable EXTEXP0001
        builder.Services.AddHttpClient(StatusCallbackSender.HttpClientName)
            .RemoveAllResilienceHandlers()
#pragma warning restore EXTEXP0001
            .AddResilienceHandler("status-callback-retries", (pipeline, context) =>
            {
                var sandbox = context.ServiceProvider.GetRequiredService<IOptions<SandboxOptions>>().Value;
                pipeline
                    .AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = sandbox.StatusCallbackRetries,
                        Delay = TimeSpan.FromMilliseconds(sandbox.StatusCallbackRetryDelayMs),
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        ShouldHandle = attempt => ValueTask.FromResult(
                            attempt.Outcome.Exception is not null || attempt.Outcome.Result is { IsSuccessStatusCode: false }),
                    })
                    .AddTimeout(CallbackAttemptTimeout);
            });
        return builder;
    }
}
