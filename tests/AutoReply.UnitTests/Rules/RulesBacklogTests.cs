using System.Diagnostics.Metrics;
using System.Net.Sockets;
using AutoReply.Domain.Data;
using AutoReply.Domain.Outbox;
using AutoReply.Domain.Scheduling;
using AutoReply.Rules.Evaluation;
using AutoReply.Rules.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using AutoReply.Tests;
using Npgsql;

namespace AutoReply.UnitTests.Rules;

/// <summary>The gauges an operator's alerts read off the rules engine: what it has left waiting.</summary>
public sealed class RulesBacklogTests : IAsyncDisposable
{
    private readonly FakeTimeProvider clock = new(SampleNumbers.Moment("2026-11-24T20:01-05:00"));
    private readonly ServiceProvider services;
    private readonly InOrderRecovery recovery;
    private readonly RulesBacklog backlog;

    public RulesBacklogTests()
    {
        var database = $"backlog-{Guid.NewGuid():N}";
        services = new ServiceCollection()
            .AddMetrics()
            .AddDbContext<RulesDbContext>(options => options.UseInMemoryDatabase(database))
            .BuildServiceProvider();
        recovery = new InOrderRecovery(clock, NullLogger<InOrderRecovery>.Instance);
        backlog = new RulesBacklog(services.GetRequiredService<IServiceScopeFactory>(), recovery, clock, services.GetRequiredService<IMeterFactory>(), NullLogger<RulesBacklog>.Instance);
    }

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        backlog.Dispose();
        await services.DisposeAsync();
    }

    [Fact]
    public async Task The_outbox_gauge_is_the_age_of_its_oldest_send_command_and_zero_when_it_is_empty()
    {
        await backlog.SampleAsync(Cancellation);
        Assert.Equal(0, Gauges.Read(services, "autoreply.outbox.oldest_age"));

        await AddAsync(db => db.Outbox.AddRange(Command(TimeSpan.FromSeconds(90)), Command(TimeSpan.FromSeconds(5))));
        await backlog.SampleAsync(Cancellation);

        Assert.Equal(90_000, Gauges.Read(services, "autoreply.outbox.oldest_age"));
    }

    [Fact]
    public async Task Delayed_replies_more_than_a_minute_past_their_due_time_are_counted_as_overdue()
    {
        await AddAsync(db => db.ScheduledReplies.AddRange(
            Reply(dueIn: -TimeSpan.FromMinutes(5)),
            Reply(dueIn: -TimeSpan.FromMinutes(2)),
            Reply(dueIn: -TimeSpan.FromSeconds(30)),
            Reply(dueIn: TimeSpan.FromMinutes(10))));

        await backlog.SampleAsync(Cancellation);

        Assert.Equal(2, Gauges.Read(services, "autoreply.scheduling.overdue"));
    }

    [Fact]
    public async Task Batches_waiting_for_the_database_are_counted_until_it_answers()
    {
        var databaseDown = true;
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        var first = recovery.RunAsync(clock.GetTimestamp(), _ => databaseDown ? throw new NpgsqlException("down", new SocketException()) : Task.CompletedTask, stopping.Token);
        var second = recovery.RunAsync(clock.GetTimestamp() + 1, _ => Task.CompletedTask, stopping.Token);

        Assert.Equal(2, Gauges.Read(services, "autoreply.rules.recovery.waiting"));

        databaseDown = false;
        clock.Advance(InOrderRecovery.RetryInterval);
        await Task.WhenAll(first, second);
        Assert.Equal(0, Gauges.Read(services, "autoreply.rules.recovery.waiting"));
    }

    private async Task AddAsync(Action<RulesDbContext> add)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RulesDbContext>();
        add(db);
        await db.SaveChangesAsync(Cancellation);
    }

    private OutboxMessage Command(TimeSpan waited) => new()
    {
        Id = Guid.NewGuid(),
        Destination = "exchange:send-auto-reply",
        MessageType = "AutoReply.Contracts.Commands.SendAutoReply",
        Body = "{}",
        CreatedAt = clock.GetUtcNow() - waited,
    };

    private ScheduledReply Reply(TimeSpan dueIn) => new() { DecisionId = Guid.NewGuid(), DueAt = clock.GetUtcNow() + dueIn };
}
