using AutoReply.Sender;
using AutoReply.Sender.Provider;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AutoReply.UnitTests.Sender;

/// <summary>
/// The provider client wired by the sender's own <see cref="SenderRegistration.AddProviderClient"/>
/// (typed client, the <see cref="ProviderPipeline"/> as its resilience handler, the circuit state),
/// over a <see cref="ScriptedProvider"/> and with delays short enough for a unit test.
/// </summary>
internal sealed class ProviderHarness : IAsyncDisposable
{
    public const string HealthCheckName = SenderRegistration.ProviderHealthCheck;

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
        collection.AddHealthChecks().AddCheck<ProviderCircuitState>(HealthCheckName);
        collection.AddProviderClient().ConfigurePrimaryHttpMessageHandler(() => provider);
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
