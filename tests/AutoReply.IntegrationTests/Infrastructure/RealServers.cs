using AutoReply.AppHost.Hosting;
using AutoReply.AppHost.Hosting.Servers;

[assembly: AssemblyFixture(typeof(AutoReply.IntegrationTests.Infrastructure.RealServers))]

namespace AutoReply.IntegrationTests.Infrastructure;

/// <summary>
/// Private RabbitMQ, Redis and PostgreSQL instances for the whole test run, started with the
/// AppHost's own server code in a temporary folder and stopped at the end.
/// </summary>
public sealed class RealServers : IAsyncLifetime
{
    public const string Database = "autoreplydb";

    private readonly string root = Path.Combine(Path.GetTempPath(), $"autoreply-tests-{Guid.NewGuid():N}");
    private RabbitMqServer? rabbitMq;
    private RedisServer? redis;
    private PostgresServer? postgres;

    public ResourceLog Log { get; private set; } = ResourceLog.Console;

    public string LogDirectory => Path.Combine(root, "logs");

    public string RabbitMq => rabbitMq!.ConnectionString;

    public string Redis => redis!.ConnectionString;

    public string Postgres => postgres!.DatabaseConnectionString(Database);

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(root);
        Log = new ResourceLog(LogDirectory);
        var cancellation = TestContext.Current.CancellationToken;
        var starting = new Task[]
        {
            Task.Run(async () => rabbitMq = await RabbitMqServer.StartAsync("rabbitmq", Path.Combine(root, "rabbitmq"), Log, cancellation)),
            Task.Run(async () => redis = await RedisServer.StartAsync("redis", Path.Combine(root, "redis"), Log, cancellation)),
            Task.Run(async () =>
            {
                postgres = await PostgresServer.StartAsync("postgres", Path.Combine(root, "postgres"), Log, cancellation);
                await postgres.CreateDatabaseAsync(Database, cancellation);
            }),
        };
        await Task.WhenAll(starting);
    }

    /// <summary>The connection strings as the AppHost hands them to services.</summary>
    public IReadOnlyDictionary<string, string> ConnectionStrings => new Dictionary<string, string>
    {
        ["rabbitmq"] = RabbitMq,
        ["redis"] = Redis,
        [Database] = Postgres,
    };

    public async ValueTask DisposeAsync()
    {
        foreach (var server in new IPrivateServer?[] { rabbitMq, redis, postgres })
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A server still closing its files; the folder is in the temp directory anyway.
        }
    }
}
