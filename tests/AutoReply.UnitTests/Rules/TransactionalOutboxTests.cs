using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using AutoReply.Contracts.Commands;
using AutoReply.Domain.Data;
using AutoReply.Rules.Outbox;

namespace AutoReply.UnitTests.Rules;

public sealed class TransactionalOutboxTests : IAsyncDisposable
{
    private readonly FakeTimeProvider clock = new(SampleNumbers.Moment("2026-11-24T20:01-05:00"));
    private readonly RulesDbContext db = new(new DbContextOptionsBuilder<RulesDbContext>().UseInMemoryDatabase($"outbox-{Guid.NewGuid():N}").Options);

    public ValueTask DisposeAsync() => db.DisposeAsync();

    [Fact]
    public async Task A_send_the_broker_never_answers_is_left_to_the_relay_once_the_send_timeout_passes_and_the_decision_goes_on()
    {
        var outbox = new TransactionalOutbox(db, new UnansweringBroker(), clock, NullLogger<TransactionalOutbox>.Instance);
        var command = new SendAutoReply(Guid.NewGuid(), "evt-1", SampleNumbers.PhoneNumber, "+14155550123", "Thanks, we'll call you back.", clock.GetUtcNow());
        var message = outbox.Add(Queues.SendAutoReplyAddress, command);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        var delivering = outbox.DeliverAsync([message], TestContext.Current.CancellationToken);
        Assert.False(delivering.IsCompleted);
        clock.Advance(TransactionalOutbox.SendTimeout);

        // Bounded so that a delivery that still hangs fails the test instead of the run.
        await delivering.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Equal([message.Id], await db.Outbox.AsNoTracking().Select(m => m.Id).ToListAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>A broker whose send endpoints never come: as a send waiting for a confirm its dead channel will never give.</summary>
    private sealed class UnansweringBroker : ISendEndpointProvider
    {
        public ConnectHandle ConnectSendObserver(ISendObserver observer) => throw new NotSupportedException();

        public Task<ISendEndpoint> GetSendEndpoint(Uri address) => new TaskCompletionSource<ISendEndpoint>().Task;
    }
}
