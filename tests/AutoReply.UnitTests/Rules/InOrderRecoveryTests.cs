using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using AutoReply.Rules.Evaluation;

namespace AutoReply.UnitTests.Rules;

public sealed class InOrderRecoveryTests
{
    private readonly FakeTimeProvider clock = new(SampleNumbers.Moment("2026-11-24T20:01-05:00"));
    private readonly List<string> evaluated = [];
    private readonly InOrderRecovery recovery;

    public InOrderRecoveryTests() => recovery = new InOrderRecovery(clock, NullLogger<InOrderRecovery>.Instance);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_batch_consumed_during_an_outage_is_evaluated_after_the_batch_that_failed_before_it()
    {
        var databaseDown = true;
        var businessCall = recovery.RunAsync(clock.GetTimestamp(), Evaluate("business call", () => databaseDown), Cancellation);
        var contactText = recovery.RunAsync(clock.GetTimestamp() + 1, Evaluate("contact text", () => databaseDown), Cancellation);

        databaseDown = false;
        clock.Advance(InOrderRecovery.RetryInterval);
        await Task.WhenAll(businessCall, contactText);

        Assert.Equal(["business call", "contact text"], evaluated);
    }

    [Fact]
    public async Task Batches_waiting_for_the_database_go_in_the_order_they_were_consumed_not_the_order_they_failed()
    {
        var databaseDown = true;
        var failedFirst = recovery.RunAsync(clock.GetTimestamp() + 10, Evaluate("consumed second", () => databaseDown), Cancellation);
        var failedLater = recovery.RunAsync(clock.GetTimestamp() + 20, Evaluate("consumed third", () => databaseDown), Cancellation);
        var consumedEarlierFailedLast = recovery.RunAsync(clock.GetTimestamp() + 15, Evaluate("consumed between", () => databaseDown), Cancellation);

        databaseDown = false;
        clock.Advance(InOrderRecovery.RetryInterval);
        await Task.WhenAll(failedFirst, failedLater, consumedEarlierFailedLast);

        Assert.Equal(["consumed second", "consumed between", "consumed third"], evaluated);
    }

    [Fact]
    public async Task The_first_batch_keeps_trying_every_retry_interval_until_the_database_answers()
    {
        var attempts = 0;
        var batch = recovery.RunAsync(clock.GetTimestamp(), Evaluate("batch", () => ++attempts < 4), Cancellation);

        for (var i = 0; i < 3; i++)
        {
            Assert.Empty(evaluated);
            clock.Advance(InOrderRecovery.RetryInterval);
        }
        await batch;

        Assert.Equal(["batch"], evaluated);
        Assert.Equal(4, attempts);
    }

    [Fact]
    public async Task A_failure_that_is_not_an_outage_is_left_to_the_bus_and_holds_nothing_up()
    {
        var failing = recovery.RunAsync(clock.GetTimestamp(), _ => throw new InvalidOperationException("a bug"), Cancellation);
        await recovery.RunAsync(clock.GetTimestamp() + 1, Evaluate("next batch", () => false), Cancellation);

        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal(["next batch"], evaluated);
    }

    [Fact]
    public async Task A_batch_waiting_for_the_database_stops_waiting_when_the_service_stops()
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        var waiting = recovery.RunAsync(clock.GetTimestamp(), Evaluate("batch", () => true), stopping.Token);

        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Empty(evaluated);
    }

    private Func<CancellationToken, Task> Evaluate(string name, Func<bool> databaseDown) => _ =>
    {
        if (databaseDown())
        {
            throw new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));
        }
        evaluated.Add(name);
        return Task.CompletedTask;
    };
}
