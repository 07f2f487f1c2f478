using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using AutoReply.Contracts.Commands;
using AutoReply.Migrator;
using AutoReply.Messaging;
using MassTransit;
using Microsoft.Extensions.Hosting;

[assembly: AssemblyFixture(typeof(AutoReply.IntegrationTests.Infrastructure.RealServers))]

namespace AutoReply.IntegrationTests.Infrastructure;

/// <summary>
/// RabbitMQ, Redis and PostgreSQL for the tests that host services in the test process: the
/// AppHost's own server resources, started through Aspire's testing builder without its services,
/// with their data in a temporary folder.
/// </summary>
public sealed class RealServers : IAsyncLifetime
{
    public const string Database = "autoreplydb";

    private readonly TestDataDirectory data = new();
    private DistributedApplication? app;

    public string RabbitMq { get; private set; } = "";

    public string Redis { get; private set; } = "";

    public string Postgres { get; private set; } = "";

    /// <summary>The connection strings as the AppHost hands them to services.</summary>
    public IReadOnlyDictionary<string, string> ConnectionStrings => new Dictionary<string, string>
    {
        ["rabbitmq"] = RabbitMq,
        ["redis"] = Redis,
        [Database] = Postgres,
    };

    public async ValueTask InitializeAsync()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AutoReply_AppHost>(
            [.. data.AppHostArguments], cancellation);
        foreach (var project in builder.Resources.OfType<ProjectResource>().ToList())
        {
            builder.Resources.Remove(project);
        }
        app = await builder.BuildAsync(cancellation);
        await app.StartAsync(cancellation);
        await Task.WhenAll(new[] { "rabbitmq", "redis", Database }
            .Select(name => app.ResourceNotifications.WaitForResourceHealthyAsync(name, cancellation)));

        RabbitMq = (await app.GetConnectionStringAsync("rabbitmq", cancellation))!;
        Redis = (await app.GetConnectionStringAsync("redis", cancellation))!;
        Postgres = (await app.GetConnectionStringAsync(Database, cancellation))!;
        await MigrateAsync(cancellation);
        await BindSenderQueueAsync(cancellation);
    }

    /// <summary>The migrations step, run once as the AppHost runs it before any service starts.</summary>
    private async Task MigrateAsync(CancellationToken cancellationToken) =>
        Assert.Equal(0, await RunMigrationsAsync(Postgres, serviceRole: null, cancellationToken));

    /// <summary>The migrations program on <paramref name="database"/>; answers its exit code.</summary>
    public static async Task<int> RunMigrationsAsync(string database, string? serviceRole, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration[$"ConnectionStrings:{Database}"] = database;
        builder.Configuration[$"{MigrationOptions.Section}:{nameof(MigrationOptions.ServiceRole)}"] = serviceRole;
        builder.AddSchemaMigrations();
        using var host = builder.Build();
        return await host.RunMigrationsAsync(cancellationToken);
    }

    /// <summary>
    /// The sender's queue as the sender's first start leaves it on a broker: a command is refused
    /// until then, as in production, and the tests of rules run without a sender.
    /// </summary>
    private async Task BindSenderQueueAsync(CancellationToken cancellationToken)
    {
        var connection = RabbitMqConnectionString.Parse(RabbitMq);
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            connection.ConfigureHost(rabbit);
            rabbit.ReceiveEndpoint(Queues.SendAutoReply, endpoint =>
            {
                endpoint.SetQuorumQueue();
                endpoint.Handler<SendAutoReply>(_ => Task.CompletedTask);
            });
        });
        await bus.StartAsync(cancellationToken);
        await bus.StopAsync(cancellationToken);
    }

    /// <summary>
    /// Redis loses every key of the rules service, as a restart without its data or a failover to a
    /// replica that had not caught up would. Only the rules' keys: tests of other services share this Redis.
    /// </summary>
    public async Task LoseRulesRedisDataAsync()
    {
        await using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(Redis + ",allowAdmin=true");
        var server = redis.GetServers()[0];
        var keys = new List<StackExchange.Redis.RedisKey>();
        await foreach (var key in server.KeysAsync(pattern: "rules:*", pageSize: 1000))
        {
            keys.Add(key);
        }
        await redis.GetDatabase().KeyDeleteAsync([.. keys]);
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        data.Dispose();
    }
}
