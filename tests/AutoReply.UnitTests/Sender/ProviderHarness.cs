using System.Threading.RateLimiting;
using AutoReply.Sender.Provider;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace AutoReply.UnitTests.Sender;

/// <summary>
/// The provider client wired as <c>SenderRegistration.AddSender</c> wires it (typed client, the
/// <see cref="ProviderPipeline"/> as its resilience handler, the circuit state as a health check),
/// over a <see cref="ScriptedProvider"/> and with delays short enough for a unit test.
/// </summary>
internal sealed class ProviderHarness : IAsyncDisposable
{
    public const string HealthCheckName = "sms-provider";

    public static readonly OutgoingText Text = new("+15005550006", "+14155550199", "Thanks for calling Acme Dental.", "decision-0001");

    private readonly ServiceProvider services;

    public ProviderHarness(ScriptedProvider provider, Action<ProviderOptions>? configure = null, TimeProvider? clock = null)
    {
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton(clock ?? TimeProvider.System);
        collection.AddOptions<ProviderOptions>().Configure(options =>
        {
            options.BaseUrl = new Uri("https://provider.test/");
            options.AccountSid = "AC00000000000000000000000000000000";
            options.AuthToken = "dev-token";
            options.MessagesPerSecondPerNumber = 1000;
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
            options.MaxRetryAfter = TimeSpan.FromMilliseconds(50);
            options.AttemptTimeout = TimeSpan.FromSeconds(5);
            options.TotalTimeout = TimeSpan.FromSeconds(10);
            options.BreakDuration = TimeSpan.FromMinutes(5);
            configure?.Invoke(options);
        });
        collection.AddSingleton(serviceProvider => ProviderPipeline.CreateRateLimiter(serviceProvider.GetRequiredService<IOptions<ProviderOptions>>().Value));
        collection.AddSingleton<ProviderCircuitState>();
        collection.AddHealthChecks().AddCheck<ProviderCircuitState>(HealthCheckName);
        collection.AddHttpClient<TwilioMessagesClient>()
            .ConfigurePrimaryHttpMessageHandler(() => provider)
            .AddResilienceHandler("sms-provider", (pipeline, context) => ProviderPipeline.Configure(
                pipeline,
                context.ServiceProvider.GetRequiredService<IOptions<ProviderOptions>>().Value,
                context.ServiceProvider.GetRequiredService<PartitionedRateLimiter<string>>(),
                context.ServiceProvider.GetRequiredService<ProviderCircuitState>()));
        services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public TwilioMessagesClient Client => services.GetRequiredService<TwilioMessagesClient>();

    public Task<ProviderAnswer> SendAsync() => Client.SendAsync(Text, TestContext.Current.CancellationToken);

    public async Task<HealthStatus> ProviderHealthAsync()
    {
        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync(TestContext.Current.CancellationToken);
        return report.Entries[HealthCheckName].Status;
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
