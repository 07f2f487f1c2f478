using AutoReply.Messaging;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AutoReply.UnitTests.Consumers;

/// <summary>
/// One service's consumers with their definitions on MassTransit's in-memory test harness, over a
/// database of their own (EF Core in memory) and a fake clock. Transient failures are not retried,
/// so a failing consumer shows at once.
/// </summary>
internal abstract class ConsumerHarness<TDbContext> : IAsyncDisposable
    where TDbContext : DbContext
{
    private readonly ServiceProvider services;

    protected ConsumerHarness(DateTimeOffset start, Func<DbContextOptions<TDbContext>, TDbContext> createDatabase)
    {
        Clock = new FakeTimeProvider(start);
        var options = new DbContextOptionsBuilder<TDbContext>()
            .UseInMemoryDatabase($"{typeof(TDbContext).Name}-{Guid.NewGuid():N}")
            .AddInterceptors(new PostgresUniqueViolations())
            // The in-memory database has no transactions; what runs inside one runs at once.
            .ConfigureWarnings(warnings => warnings.Ignore(InMemoryEventId.TransactionIgnoredWarning))
            .Options;
        OpenDatabase = () => createDatabase(options);

        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddMetrics();
        collection.AddSingleton<TimeProvider>(Clock);
        collection.AddScoped(_ => OpenDatabase());
        collection.AddOptions<MessagingOptions>().Configure(messaging => messaging.RetryLimit = 0);
        AddServices(collection);
        collection.AddMassTransitTestHarness(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            AddConsumers(bus);
        });
        // The harness's 1.2 s default calls a busy two-core machine idle mid-consume; the specs read
        // negatives "so far" after a consume they waited for, so a longer quiet costs them nothing.
        collection.Configure<TestHarnessOptions>(harness => harness.TestInactivityTimeout = TimeSpan.FromSeconds(10));
        services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public FakeTimeProvider Clock { get; }

    protected IServiceProvider Services => services;

    public Func<TDbContext> OpenDatabase { get; }

    public ITestHarness Harness => services.GetRequiredService<ITestHarness>();

    public virtual Task StartAsync() => Harness.Start();

    /// <summary>Publishes <paramref name="message"/> and waits until its consumer has handled it.</summary>
    public async Task DeliverAsync<T>(T message)
        where T : class => await Harness.ConsumedAsync<T>(await Harness.PublishAsync(message));

    /// <summary>Publishes <paramref name="message"/> as submitted by <paramref name="workspaceId"/>'s key and waits until its consumer has handled it.</summary>
    public async Task DeliverSubmittedAsync<T>(T message, Guid workspaceId)
        where T : class => await Harness.ConsumedAsync<T>(await Harness.PublishSubmittedAsync(message, workspaceId));

    /// <summary>Publishes <paramref name="messages"/> at once (so a batch consumer may take them together) and waits until each is handled.</summary>
    public async Task DeliverTogetherAsync<T>(params T[] messages)
        where T : class
    {
        var messageIds = await Task.WhenAll(messages.Select(Harness.PublishAsync));
        foreach (var messageId in messageIds)
        {
            await Harness.ConsumedAsync<T>(messageId);
        }
    }

    public virtual async ValueTask DisposeAsync() => await services.DisposeAsync();

    /// <summary>What the consumers need besides the clock and the database.</summary>
    protected abstract void AddServices(IServiceCollection services);

    protected abstract void AddConsumers(IBusRegistrationConfigurator bus);
}
