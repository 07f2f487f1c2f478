using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using AutoReply.Domain.Data;
using AutoReply.Domain.Outbox;
using AutoReply.Rules.Outbox;

namespace AutoReply.UnitTests.Rules;

public sealed class OutboxHealthCheckTests : IAsyncDisposable
{
    private readonly FakeTimeProvider clock = new(SampleNumbers.Moment("2026-11-24T20:01-05:00"));
    private readonly RulesDbContext db = new(new DbContextOptionsBuilder<RulesDbContext>().UseInMemoryDatabase($"outbox-{Guid.NewGuid():N}").Options);

    public ValueTask DisposeAsync() => db.DisposeAsync();

    [Fact]
    public async Task Rules_is_healthy_while_send_commands_leave_the_outbox_within_a_minute()
    {
        await LeaveCommandAsync(TimeSpan.FromSeconds(50));

        var result = await CheckAsync();

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    [Fact]
    public async Task Rules_is_degraded_when_a_send_command_has_waited_in_the_outbox_for_over_a_minute()
    {
        await LeaveCommandAsync(TimeSpan.FromSeconds(90));
        await LeaveCommandAsync(TimeSpan.FromSeconds(5));

        var result = await CheckAsync();

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Equal("2 send commands are waiting in the outbox, the oldest for 90 s: the bus or the sender's queue refuses them.", result.Description);
    }

    private async Task LeaveCommandAsync(TimeSpan ago)
    {
        db.Outbox.Add(new OutboxMessage
        {
            Id = Guid.NewGuid(),
            Destination = "exchange:send-auto-reply",
            MessageType = "AutoReply.Contracts.Commands.SendAutoReply",
            Body = "{}",
            CreatedAt = clock.GetUtcNow() - ago,
        });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private Task<HealthCheckResult> CheckAsync() =>
        new OutboxHealthCheck(db, clock, Options.Create(new OutboxOptions()))
            .CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);
}
