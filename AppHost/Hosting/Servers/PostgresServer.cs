using System.Globalization;
using Npgsql;

namespace AutoReply.AppHost.Hosting.Servers;

/// <summary>
/// A private PostgreSQL cluster: <c>initdb</c> on first use, then <c>postgres</c> in the
/// foreground on a free loopback port. PostgreSQL refuses to run as root, so as root it runs as
/// the <c>postgres</c> user.
/// </summary>
public sealed class PostgresServer : IPrivateServer
{
    private const string ServiceUser = "postgres";
    private readonly ChildProcess process;
    private readonly string binaries;
    private readonly string dataDirectory;
    private readonly ResourceLog log;
    private readonly string name;

    private PostgresServer(ChildProcess process, string binaries, string dataDirectory, int port, ResourceLog log, string name)
    {
        this.process = process;
        this.binaries = binaries;
        this.dataDirectory = dataDirectory;
        this.log = log;
        this.name = name;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Password=postgres";

    public string DatabaseConnectionString(string database) => $"{ConnectionString};Database={database}";

    public static async Task<PostgresServer> StartAsync(string name, string dataDirectory, ResourceLog log, CancellationToken cancellationToken)
    {
        var binaries = FindBinaries();
        var cluster = Path.Combine(dataDirectory, "cluster");
        if (!File.Exists(Path.Combine(cluster, "PG_VERSION")))
        {
            await ServerFiles.CreateOwnedDirectoryAsync(dataDirectory, ServiceUser, log);
            var (initdb, initArguments) = ServerFiles.AsUser(ServiceUser, Path.Combine(binaries, "initdb"),
                "-D", cluster, "-U", ServiceUser, "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8");
            await ChildProcess.RunAsync(name, initdb, initArguments, log, cancellationToken: cancellationToken);
        }

        var port = FreePort.Next();
        var (postgres, arguments) = ServerFiles.AsUser(ServiceUser, Path.Combine(binaries, "postgres"),
            "-D", cluster, "-p", port.ToString(CultureInfo.InvariantCulture), "-k", cluster,
            "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "max_connections=200");
        var process = ChildProcess.Start(name, postgres, arguments, log, workingDirectory: Path.GetTempPath());
        var server = new PostgresServer(process, binaries, cluster, port, log, name);
        await Readiness.WaitAsync(name, process, server.AnswersAsync, cancellationToken);
        return server;
    }

    /// <summary>Creates <paramref name="database"/> unless it exists (the data folder outlives AppHost runs).</summary>
    public async Task CreateDatabaseAsync(string database, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private async Task<bool> AnswersAsync()
    {
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionString + ";Pooling=false;Timeout=2");
            await connection.OpenAsync();
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    private static string FindBinaries()
    {
        var versions = Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [];
        var newest = versions
            .Where(path => File.Exists(Path.Combine(path, "bin", "postgres")))
            .OrderByDescending(path => int.TryParse(Path.GetFileName(path), out var version) ? version : 0)
            .FirstOrDefault();
        return newest is null
            ? throw new InvalidOperationException("PostgreSQL is not installed: install the Debian package 'postgresql' (eng/install-servers.sh does).")
            : Path.Combine(newest, "bin");
    }

    public async ValueTask DisposeAsync()
    {
        // pg_ctl's fast shutdown: the server is ours and holds nothing worth waiting for.
        var (pgCtl, arguments) = ServerFiles.AsUser(ServiceUser, Path.Combine(binaries, "pg_ctl"), "-D", dataDirectory, "stop", "-m", "fast", "-w");
        try
        {
            await ChildProcess.RunAsync(name, pgCtl, arguments, log);
        }
        catch (InvalidOperationException)
        {
            await process.StopAsync(TimeSpan.FromSeconds(10));
        }
        await process.DisposeAsync();
    }
}
