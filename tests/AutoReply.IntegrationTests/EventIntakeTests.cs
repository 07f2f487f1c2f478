using System.Diagnostics.Metrics;
using System.Reflection;
using AutoReply.Contracts;
using AutoReply.Ingress.Deduplication;
using AutoReply.Ingress.Events;
using AutoReply.IntegrationTests.Infrastructure;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace AutoReply.IntegrationTests;

/// <summary>Ingress's intake with the real Redis and a broker that never confirms.</summary>
public sealed class EventIntakeTests(RealServers servers) : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
    private readonly ServiceProvider meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private ConnectionMultiplexer redis = null!;

    public async ValueTask InitializeAsync() => redis = await ConnectionMultiplexer.ConnectAsync(servers.Redis);

    public async ValueTask DisposeAsync()
    {
        await redis.DisposeAsync();
        await meters.DisposeAsync();
    }

    [Fact]
    public async Task Event_the_broker_does_not_confirm_within_the_publish_timeout_is_refused_and_its_retry_is_not_told_duplicate()
    {
        var broker = DispatchProxy.Create<IPublishEndpoint, UnconfirmedPublishes>();
        var registry = new EventIdRegistry(redis, TimeProvider.System);
        var intake = new EventIntake(registry, broker, new BrokerCircuit(clock, NullLoggerFactory.Instance), new IngressMetrics(meters.GetRequiredService<IMeterFactory>()), clock, NullLogger<EventIntake>.Instance);
        var e = new ValidEvent(TestData.EventId(), EventType.CallMissed, TestData.PhoneNumber(), TestData.PhoneNumber(), DateTimeOffset.UtcNow, null);

        var accepting = intake.AcceptAsync(e, workspaceId: null, TestContext.Current.CancellationToken);
        await ((UnconfirmedPublishes)broker).Publishing.WaitAsync(TestContext.Current.CancellationToken);
        clock.Advance(EventIntake.PublishTimeout);

        Assert.Equal(IntakeStatus.BusUnavailable, await accepting.WaitAsync(TestContext.Current.CancellationToken));
        Assert.Equal(ClaimOutcome.Claimed, (await registry.ClaimAsync(e.Id)).Outcome);
    }

    /// <summary>A broker that takes every publish and never confirms it.</summary>
    public class UnconfirmedPublishes : DispatchProxy
    {
        private readonly TaskCompletionSource publishing = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Publishing => publishing.Task;

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            publishing.TrySetResult();
            var cancellationToken = args?.OfType<CancellationToken>().FirstOrDefault() ?? CancellationToken.None;
            return Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }
}
