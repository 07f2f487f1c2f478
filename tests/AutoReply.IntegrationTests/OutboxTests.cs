using System.Text.Json;
using AutoReply.Contracts.Commands;
using AutoReply.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using AutoReply.Domain.Data;
using AutoReply.Domain.Outbox;

namespace AutoReply.IntegrationTests;

/// <summary>The rules service's outbox relay against the real PostgreSQL and RabbitMQ.</summary>
public sealed class OutboxTests(RealServers servers) : IAsyncLifetime
{
    private readonly ServiceFactory<Rules.Program> rules = new(servers);
    private TestBus<SendAutoReply> observer = null!;

    public async ValueTask InitializeAsync() => observer = await TestBus.StartAsync<SendAutoReply>(servers.RabbitMq);

    public async ValueTask DisposeAsync()
    {
        await observer.DisposeAsync();
        await rules.DisposeAsync();
    }

    [Fact]
    public async Task A_send_command_left_in_the_outbox_by_a_crash_after_commit_is_sent_by_the_relay_and_removed()
    {
        var command = new SendAutoReply(Guid.NewGuid(), TestData.EventId(), TestData.PhoneNumber(), TestData.PhoneNumber(), "Sorry we missed you!", DateTimeOffset.UtcNow.AddMinutes(-1));
        var left = new OutboxMessage
        {
            Id = Guid.CreateVersion7(),
            Destination = observer.ObserverAddress.ToString(),
            MessageType = typeof(SendAutoReply).FullName!,
            Body = JsonSerializer.Serialize(command, JsonSerializerOptions.Web),
            // Committed with its decision a minute ago; the replica died before sending it.
            CreatedAt = command.DecidedAt,
        };
        await using (var scope = rules.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RulesDbContext>();
            db.Outbox.Add(left);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var observed = await Eventually.ReadAsync(() => Task.FromResult(observer.Observed.ToList()), sent => sent.Contains(command));
        Assert.Contains(command, observed);
        var remaining = await Eventually.ReadAsync(OutboxRowCountAsync, count => count == 0);
        Assert.Equal(0, remaining);

        async Task<int> OutboxRowCountAsync()
        {
            await using var scope = rules.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<RulesDbContext>().Outbox.CountAsync(m => m.Id == left.Id, TestContext.Current.CancellationToken);
        }
    }
}
