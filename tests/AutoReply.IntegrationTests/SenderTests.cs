using AutoReply.Contracts;
using AutoReply.Contracts.Commands;
using AutoReply.Contracts.Events;
using AutoReply.IntegrationTests.Infrastructure;
using AutoReply.Sender.Data;
using Microsoft.Extensions.DependencyInjection;

namespace AutoReply.IntegrationTests;

/// <summary>The sender against the real RabbitMQ and PostgreSQL, delivering to the SMS sandbox over HTTP.</summary>
public sealed class SenderTests(RealServers servers) : IAsyncLifetime
{
    private readonly SandboxServer sandbox = new();
    private ServiceFactory<Sender.Program> sender = null!;
    private TestBus<SendStateChanged> bus = null!;

    public async ValueTask InitializeAsync()
    {
        var settings = sandbox.ProviderSettings;
        // Short timeouts so that a slow provider makes an attempt ambiguous within the test.
        settings["Provider:AttemptTimeout"] = "00:00:00.500";
        settings["Provider:TotalTimeout"] = "00:00:01";
        settings["Provider:MaxRetries"] = "1";
        settings["Provider:RetryBaseDelay"] = "00:00:00.050";
        settings["Provider:MaxRateLimitWait"] = "00:00:01";
        settings["Messaging:RetryLimit"] = "4";
        sender = new ServiceFactory<Sender.Program>(servers, settings);
        _ = sender.Server;
        bus = await TestBus.StartAsync<SendStateChanged>(servers.RabbitMq);
    }

    public async ValueTask DisposeAsync()
    {
        await bus.DisposeAsync();
        await sender.DisposeAsync();
        await sandbox.DisposeAsync();
    }

    [Fact]
    public async Task Send_command_delivered_three_times_produces_one_text()
    {
        var command = Command();

        for (var i = 0; i < 3; i++)
        {
            await bus.SendAsync(Queues.SendAutoReplyAddress, command);
        }

        var states = await Eventually.ReadAsync(() => Task.FromResult(StatesOf(command)), s => s.Count >= 3);
        Assert.All(states, state => Assert.Equal(DeliveryState.Queued, state));
        AssertOneCreateRequest(await sandbox.Api.TextsToAsync(command.To));
    }

    [Fact]
    public async Task Send_whose_answer_never_came_is_looked_up_and_not_sent_twice()
    {
        await sandbox.Api.SetFaultsAsync(new { latencyMs = 1500 });
        var command = Command();

        await bus.SendAsync(Queues.SendAutoReplyAddress, command);

        var states = await Eventually.ReadAsync(() => Task.FromResult(StatesOf(command)), s => s.Count >= 1, TimeSpan.FromSeconds(60));
        // Found by the look-up, the text may already have moved on from queued at the provider.
        Assert.Contains(Assert.Single(states), new[] { DeliveryState.Queued, DeliveryState.Sent, DeliveryState.Delivered });
        AssertOneCreateRequest(await sandbox.Api.TextsToAsync(command.To));
    }

    [Fact]
    public async Task Invalid_recipient_fails_at_once_with_the_provider_error()
    {
        var command = Command();
        await sandbox.Api.SetFaultsAsync(new { recipientErrors = new Dictionary<string, int> { [command.To] = 21211 } });

        await bus.SendAsync(Queues.SendAutoReplyAddress, command);

        var change = await Eventually.ReadAsync(() => Task.FromResult(bus.Observed.FirstOrDefault(c => c.DecisionId == command.DecisionId)), c => c is not null);
        Assert.Equal((DeliveryState.Failed, "21211"), (change?.State, change?.ErrorCode));
        Assert.Empty(await sandbox.Api.TextsToAsync(command.To));
    }

    /// <summary>One text, asked for once: the real provider has no idempotency key to fold a second request into the first.</summary>
    private static void AssertOneCreateRequest(List<System.Text.Json.JsonElement> texts) =>
        Assert.Equal(0, Assert.Single(texts).GetProperty("sandbox_repeated_creates").GetInt32());

    private List<DeliveryState> StatesOf(SendAutoReply command) =>
        [.. bus.Observed.Where(c => c.DecisionId == command.DecisionId).Select(c => c.State)];

    private static SendAutoReply Command() => new(
        Guid.NewGuid(), TestData.EventId(), TestData.PhoneNumber(), TestData.PhoneNumber(), "Sorry we missed your call.", DateTimeOffset.UtcNow);

    [Fact]
    public async Task Status_callbacks_arriving_out_of_order_never_move_a_send_backwards()
    {
        var command = Command();
        await bus.SendAsync(Queues.SendAutoReplyAddress, command);
        var queued = await Eventually.ReadAsync(() => Task.FromResult(bus.Observed.FirstOrDefault(c => c.DecisionId == command.DecisionId)), c => c is not null);
        var messageId = queued!.ProviderMessageId!;

        await bus.PublishAsync(new ProviderStatusReported(messageId, DeliveryState.Delivered, null, DateTimeOffset.UtcNow));
        await Eventually.ReadAsync(() => Task.FromResult(StatesOf(command)), s => s.Contains(DeliveryState.Delivered));
        await bus.PublishAsync(new ProviderStatusReported(messageId, DeliveryState.Sent, null, DateTimeOffset.UtcNow));

        var states = await Consistently.HoldsAsync(() => Task.FromResult(StatesOf(command)), s => s.Count == 2, TimeSpan.FromSeconds(3));
        Assert.Equal([DeliveryState.Queued, DeliveryState.Delivered], states);
    }

    [Fact]
    public async Task Recipient_who_opted_out_at_the_provider_fails_with_21610()
    {
        var command = Command();
        await sandbox.Api.SetFaultsAsync(new { recipientErrors = new Dictionary<string, int> { [command.To] = 21610 } });

        await bus.SendAsync(Queues.SendAutoReplyAddress, command);

        var change = await Eventually.ReadAsync(() => Task.FromResult(bus.Observed.FirstOrDefault(c => c.DecisionId == command.DecisionId)), c => c is not null);
        Assert.Equal((DeliveryState.Failed, "21610"), (change?.State, change?.ErrorCode));
        Assert.Empty(await sandbox.Api.TextsToAsync(command.To));
    }

    [Fact]
    public async Task Send_the_provider_keeps_refusing_fails_after_the_allowed_attempts()
    {
        await sandbox.Api.SetFaultsAsync(new { failureRate = 1.0, failureStatus = 503 });
        var command = Command();

        await bus.SendAsync(Queues.SendAutoReplyAddress, command);

        var change = await Eventually.ReadAsync(() => Task.FromResult(bus.Observed.FirstOrDefault(c => c.DecisionId == command.DecisionId)), c => c is not null);
        Assert.Equal((DeliveryState.Failed, "provider_unavailable"), (change?.State, change?.ErrorCode));
        Assert.Empty(await sandbox.Api.TextsToAsync(command.To));
    }

    [Fact]
    public async Task Sender_that_crashed_after_the_provider_call_finds_the_text_on_redelivery_and_sends_no_second()
    {
        var command = Command();
        // The state a crash leaves: the send recorded, its attempt started a while ago and never
        // recorded an answer, while the provider did create the text.
        await using (var scope = sender.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SenderDbContext>();
            var crashedAt = DateTimeOffset.UtcNow.AddMinutes(-2);
            db.Sends.Add(new SendRecord
            {
                DecisionId = command.DecisionId, EventId = command.EventId, From = command.From, To = command.To, Body = command.Body,
                State = DeliveryState.Sending, Attempts = 1, FirstAttemptAt = crashedAt, OpenAttemptStartedAt = crashedAt,
                CreatedAt = crashedAt, UpdatedAt = crashedAt,
            });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        await sandbox.Api.SendTextAsync(command.From, command.To, command.Body);

        await bus.SendAsync(Queues.SendAutoReplyAddress, command);

        var states = await Eventually.ReadAsync(() => Task.FromResult(StatesOf(command)), s => s.Count >= 1);
        Assert.Contains(Assert.Single(states), new[] { DeliveryState.Queued, DeliveryState.Sent, DeliveryState.Delivered });
        AssertOneCreateRequest(await sandbox.Api.TextsToAsync(command.To));
    }
}
