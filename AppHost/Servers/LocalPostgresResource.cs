using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AutoReply.AppHost.Servers;

/// <summary>
/// A PostgreSQL cluster from the locally installed binaries, handing services the connection
/// string Aspire's PostgreSQL container resource would: <c>Host=…;Port=…;Username=postgres;Password=…</c>.
/// </summary>
public sealed class LocalPostgresResource(string name, ParameterResource password, string dataDirectory, string command)
    : ExecutableResource(name, command, dataDirectory), IResourceWithConnectionString
{
    internal const string EndpointName = "tcp";
    internal const string UserName = "postgres";

    public ParameterResource PasswordParameter { get; } = password;

    public EndpointReference PrimaryEndpoint => new(this, EndpointName);

    public string ClusterDirectory => Path.Combine(WorkingDirectory, "cluster");

    public Dictionary<string, string> Databases { get; } = [];

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={PrimaryEndpoint.Property(EndpointProperty.Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username={UserName};Password={PasswordParameter}");
}

/// <summary>A database of a <see cref="LocalPostgresResource"/>: the connection string services are given.</summary>
public sealed class LocalPostgresDatabaseResource(string name, string databaseName, LocalPostgresResource parent)
    : Resource(name), IResourceWithParent<LocalPostgresResource>, IResourceWithConnectionString
{
    public LocalPostgresResource Parent { get; } = parent;

    public string DatabaseName { get; } = databaseName;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Parent};Database={DatabaseName}");
}

public static class LocalPostgresBuilderExtensions
{
    private const string ServiceUser = "postgres";

    /// <summary>Runs the server given as arguments, turning a SIGTERM into its fast shutdown, and exits with its status.</summary>
    private const string StopFastScript = """
        "$@" &
        server=$!
        trap 'kill -INT "$server" 2>/dev/null' TERM INT
        status=0
        while kill -0 "$server" 2>/dev/null; do wait "$server"; status=$?; done
        exit "$status"
        """;

    /// <summary>
    /// Adds a PostgreSQL cluster, created with <c>initdb</c> in its own data folder on first use and
    /// kept across AppHost runs (as a container's data volume would). PostgreSQL refuses to run as
    /// root, so under root it runs as the <c>postgres</c> user.
    /// </summary>
    public static IResourceBuilder<LocalPostgresResource> AddLocalPostgres(this IDistributedApplicationBuilder builder, [ResourceName] string name)
    {
        var password = ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{name}-password");
        var binaries = FindBinaries();
        var dataDirectory = LocalServerFiles.DataDirectory(builder, name);
        var (postgres, postgresArguments) = LocalServerFiles.AsUser(ServiceUser, Path.Combine(binaries, "postgres"));
        // DCP stops an executable with SIGTERM, which PostgreSQL takes as a "smart" shutdown that
        // waits for every client to hang up, and pooled connections never do: a stop or restart from
        // the dashboard timed out. SIGINT is its fast shutdown, the official image's stop signal.
        string[] userArguments = ["-c", StopFastScript, "postgres", postgres, .. postgresArguments];
        var server = new LocalPostgresResource(name, password, dataDirectory, "/bin/sh");

        var healthCheckKey = $"{name}_check";
        string? connectionString = null;
        builder.Services.AddHealthChecks().AddNpgSql(
            _ => (connectionString ?? throw new InvalidOperationException($"{name} has no connection string yet.")) + ";Database=postgres",
            name: healthCheckKey);

        var endpoint = server.PrimaryEndpoint;
        return builder.AddResource(server)
            .WithEndpoint(name: LocalPostgresResource.EndpointName, scheme: "tcp", isProxied: false)
            .WithArgs([.. userArguments,
                "-D", server.ClusterDirectory,
                "-p", endpoint.Property(EndpointProperty.TargetPort),
                "-c", "listen_addresses=127.0.0.1",
                "-c", "unix_socket_directories=",
                "-c", "max_connections=200",
                // Statements by shape, for operators (pg_stat_statements) and the benchmark's statements per event.
                "-c", "shared_preload_libraries=pg_stat_statements"])
            .OnBeforeResourceStarted(async (resource, @event, cancellationToken) =>
            {
                var log = @event.Services.GetRequiredService<ResourceLoggerService>().GetLogger(resource);
                await InitializeClusterAsync(resource, binaries, log, cancellationToken);
            })
            .OnConnectionStringAvailable(async (resource, _, cancellationToken) =>
                connectionString = await resource.ConnectionStringExpression.GetValueAsync(cancellationToken))
            .OnResourceReady(async (resource, _, cancellationToken) =>
            {
                await using var connection = new NpgsqlConnection(connectionString + ";Database=postgres");
                await connection.OpenAsync(cancellationToken);
                foreach (var database in resource.Databases.Values)
                {
                    await CreateDatabaseUnlessExistsAsync(connection, database, cancellationToken);
                }
            })
            .WithHealthCheck(healthCheckKey)
            .WithIconName("DatabaseMultiple");
    }

    /// <summary>Adds a database, created when the server is ready unless it exists from an earlier run.</summary>
    public static IResourceBuilder<LocalPostgresDatabaseResource> AddDatabase(
        this IResourceBuilder<LocalPostgresResource> builder, [ResourceName] string name, string? databaseName = null)
    {
        databaseName ??= name;
        builder.Resource.Databases[name] = databaseName;
        var database = new LocalPostgresDatabaseResource(name, databaseName, builder.Resource);

        var healthCheckKey = $"{name}_check";
        string? connectionString = null;
        builder.ApplicationBuilder.Services.AddHealthChecks().AddNpgSql(
            _ => connectionString ?? throw new InvalidOperationException($"{name} has no connection string yet."),
            name: healthCheckKey);

        return builder.ApplicationBuilder.AddResource(database)
            .OnConnectionStringAvailable(async (resource, _, cancellationToken) =>
                connectionString = await resource.ConnectionStringExpression.GetValueAsync(cancellationToken))
            .OnInitializeResource((resource, @event, cancellationToken) =>
                ChildResourceState.FollowParentAsync(resource, @event.Notifications, cancellationToken))
            .WithHealthCheck(healthCheckKey)
            .WithIconName("Database");
    }

    private static async Task InitializeClusterAsync(LocalPostgresResource server, string binaries, Microsoft.Extensions.Logging.ILogger log, CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(server.ClusterDirectory, "PG_VERSION")))
        {
            return;
        }

        Directory.CreateDirectory(server.ClusterDirectory);
        var passwordFile = Path.Combine(server.WorkingDirectory, "initdb-password");
        await File.WriteAllTextAsync(passwordFile, await server.PasswordParameter.GetValueAsync(cancellationToken), cancellationToken);
        try
        {
            if (LocalServerFiles.IsRoot)
            {
                await LocalServerFiles.RunAsync(log, "chown", ["-R", $"{ServiceUser}:{ServiceUser}", server.WorkingDirectory], cancellationToken);
            }
            var (initdb, arguments) = LocalServerFiles.AsUser(ServiceUser, Path.Combine(binaries, "initdb"),
                "-D", server.ClusterDirectory, "-U", LocalPostgresResource.UserName, $"--pwfile={passwordFile}",
                "--auth-local=scram-sha-256", "--auth-host=scram-sha-256", "--encoding=UTF8", "--locale=C.UTF-8");
            await LocalServerFiles.RunAsync(log, initdb, arguments, cancellationToken);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    private static async Task CreateDatabaseUnlessExistsAsync(NpgsqlConnection connection, string database, CancellationToken cancellationToken)
    {
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            var quoted = "\"" + database.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            await using var create = new NpgsqlCommand($"CREATE DATABASE {quoted}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static string FindBinaries()
    {
        var newest = (Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [])
            .Where(path => File.Exists(Path.Combine(path, "bin", "postgres")))
            .OrderByDescending(path => int.TryParse(Path.GetFileName(path), out var version) ? version : 0)
            .FirstOrDefault();
        return newest is null
            ? throw new DistributedApplicationException(
                "PostgreSQL is not installed: install the Debian package 'postgresql' (eng/install-prerequisites.sh does), or set ConnectionStrings__autoreplydb.")
            : Path.Combine(newest, "bin");
    }
}
