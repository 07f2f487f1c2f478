using AutoReply.Contracts.Commands;
using AutoReply.Sender;
using AutoReply.Sender.Data;
using AutoReply.Sender.Delivery;
using AutoReply.Sender.Provider;
using AutoReply.SmsSandbox;
using AutoReply.UnitTests.SmsSandbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoReply.UnitTests.Consumers;

/// <summary>
/// The sender service's three consumers, talking through the sender's own provider client
/// (<see cref="SenderRegistration.AddProviderClient"/>) to the SMS sandbox running in memory. The
/// provider pipeline does not retry either, so a provider failure reaches the consumers at once.
/// The clock starts at the real time, the sandbox's, so its message dates and the sender's attempts compare.
/// </summary>
internal sealed class SenderConsumers() : ConsumerHarness<SenderDbContext>(DateTimeOffset.UtcNow, options => new SenderDbContext(options))
{
    public const string BusinessNumber = SandboxFactory.BusinessNumber;

    public SandboxFactory Sandbox { get; } = new();

    public override Task StartAsync()
    {
        _ = Sandbox.Server;
        return base.StartAsync();
    }

    protected override void AddServices(IServiceCollection services)
    {
        services.AddSingleton<SenderMetrics>();
        services.AddOptions<ProviderOptions>().Configure(options =>
        {
            options.BaseUrl = Sandbox.Server.BaseAddress;
            options.AccountSid = SandboxFactory.AccountSid;
            options.AuthToken = SandboxFactory.AuthToken;
            options.MessagesPerSecondPerNumber = 1000;
            options.MaxRetries = 0;
        });
        services.AddProviderClient().ConfigurePrimaryHttpMessageHandler(() => Sandbox.Server.CreateHandler());
    }

    protected override void AddConsumers(IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<SendAutoReplyConsumer, SendAutoReplyConsumerDefinition>();
        bus.AddConsumer<ProviderStatusConsumer, ProviderStatusConsumerDefinition>();
        bus.AddConsumer<SendFaultConsumer, SendFaultConsumerDefinition>();
    }

    public SendAutoReply Command(string to, string body = "Thanks for calling Acme Dental.") =>
        new(Guid.CreateVersion7(), $"call-{Guid.NewGuid():N}", BusinessNumber, to, body, Clock.GetUtcNow());

    /// <summary>Sends the command to the sender's queue, as rules does, and waits until it has been handled.</summary>
    public async Task DeliverAsync(SendAutoReply command) =>
        await Harness.ConsumedAsync<SendAutoReply>(await Harness.SendAsync(Queues.SendAutoReplyAddress, command));

    /// <summary>The texts the provider took for <paramref name="to"/>, newest first.</summary>
    public IReadOnlyList<SandboxMessage> TextsTo(string to) => Sandbox.Services.GetRequiredService<MessageStore>().Newest(100, to: to);

    /// <summary>Makes the sandbox misbehave through its <c>/sandbox/faults</c> endpoint.</summary>
    public async Task InjectFaultsAsync(object faults)
    {
        using var client = Sandbox.CreateAuthorizedClient();
        using var response = await client.PutFaultsAsync(faults);
        response.EnsureSuccessStatusCode();
    }

    public async Task<SendRecord> SendForAsync(Guid decisionId)
    {
        await using var db = OpenDatabase();
        return await db.Sends.SingleAsync(send => send.DecisionId == decisionId, TestContext.Current.CancellationToken);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}
