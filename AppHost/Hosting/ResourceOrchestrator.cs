using System.Collections.Concurrent;
using System.Globalization;
using AutoReply.AppHost.Hosting.Servers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AutoReply.AppHost.Hosting;

/// <summary>
/// Starts the resources in dependency order (servers, then each project once what it waits for is
/// ready), and on shutdown (Ctrl+C, SIGTERM) stops the projects and then the servers, leaving no
/// process behind.
/// </summary>
public sealed class ResourceOrchestrator(
    IReadOnlyList<Resource> resources,
    AppHostOptions options,
    ResourceLog log,
    ILogger<ResourceOrchestrator> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan ProjectStopGrace = TimeSpan.FromSeconds(20);
    private readonly ConcurrentDictionary<Resource, Lazy<Task>> starts = new();
    private readonly HttpClient health = new() { Timeout = TimeSpan.FromSeconds(5) };

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        ApplyConfiguration();
        try
        {
            await Task.WhenAll(resources.Select(resource => EnsureStartedAsync(resource, cancellationToken)));
        }
        catch
        {
            await StopAsync(CancellationToken.None);
            throw;
        }
        foreach (var line in DescribeResources())
        {
            log.Write("apphost", line);
        }
        log.Write("apphost", "AutoReply is running. Press Ctrl+C to stop.");
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var projects = resources.OfType<ProjectResource>().SelectMany(p => p.Running).ToList();
        await Task.WhenAll(projects.Select(replica => replica.Process.StopAsync(ProjectStopGrace)));
        foreach (var project in resources.OfType<ProjectResource>())
        {
            project.Running.Clear();
        }

        foreach (var server in resources.OfType<ServerResource>().Where(s => s.Instance is not null))
        {
            try
            {
                await server.Instance!.DisposeAsync();
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException)
            {
                logger.LogError(ex, "Could not stop {Resource} cleanly", server.Name);
            }
            server.Instance = null;
        }
    }

    public void Dispose() => health.Dispose();

    private void ApplyConfiguration()
    {
        foreach (var resource in resources)
        {
            var given = options.Configuration.GetConnectionString(resource.Name);
            switch (resource)
            {
                case ServerResource server:
                    server.ExternalConnectionString = given;
                    break;
                case DatabaseResource database:
                    database.ExternalConnectionString = given;
                    break;
                case ProjectResource project:
                    if (options.FreePorts || project.Port == 0)
                    {
                        project.Port = FreePort.Next();
                    }
                    if (options.Replicas.TryGetValue(project.Name, out var replicas))
                    {
                        project.Replicas = replicas;
                    }
                    break;
            }
        }
    }

    private Task EnsureStartedAsync(Resource resource, CancellationToken cancellationToken) =>
        starts.GetOrAdd(resource, r => new Lazy<Task>(() => StartAfterDependenciesAsync(r, cancellationToken))).Value;

    private async Task StartAfterDependenciesAsync(Resource resource, CancellationToken cancellationToken)
    {
        await Task.WhenAll(resource.WaitsFor.Select(dependency => EnsureStartedAsync(dependency, cancellationToken)));
        switch (resource)
        {
            case ServerResource server:
                await StartServerAsync(server, cancellationToken);
                break;
            case DatabaseResource { ExternalConnectionString: null } database:
                await EnsureStartedAsync(database.Server, cancellationToken);
                await ((PostgresServer)database.Server.Instance!).CreateDatabaseAsync(database.Name, cancellationToken);
                break;
            case ProjectResource project:
                await StartProjectAsync(project, cancellationToken);
                break;
        }
    }

    private async Task StartServerAsync(ServerResource server, CancellationToken cancellationToken)
    {
        var needed = server.ExternalConnectionString is null
            && (server.Databases.Count == 0 || server.Databases.Any(d => options.Configuration.GetConnectionString(d.Name) is null));
        if (!needed)
        {
            log.Write(server.Name, "using the server given in ConnectionStrings");
            return;
        }

        var dataDirectory = Path.Combine(options.DataDirectory, server.Name);
        log.Write(server.Name, $"starting a private instance in {dataDirectory}");
        server.Instance = server.Kind switch
        {
            ServerKind.RabbitMq => await RabbitMqServer.StartAsync(server.Name, dataDirectory, log, cancellationToken),
            ServerKind.Redis => await RedisServer.StartAsync(server.Name, dataDirectory, log, cancellationToken),
            ServerKind.Postgres => await PostgresServer.StartAsync(server.Name, dataDirectory, log, cancellationToken),
            _ => throw new InvalidOperationException($"Unknown server kind {server.Kind}."),
        };
        log.Write(server.Name, "ready");
    }

    private async Task StartProjectAsync(ProjectResource project, CancellationToken cancellationToken)
    {
        var projectFile = Path.Combine(options.RepositoryRoot, project.ProjectPath);
        var projectDirectory = Path.GetDirectoryName(projectFile)!;
        var assembly = Path.Combine(projectDirectory, "bin", options.BuildConfiguration, "net10.0", Path.GetFileNameWithoutExtension(projectFile) + ".dll");
        if (!File.Exists(assembly))
        {
            throw new InvalidOperationException($"{assembly} is missing: build the solution first (dotnet build).");
        }

        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        for (var index = 0; index < project.Replicas; index++)
        {
            var replicaName = project.Replicas == 1 ? project.Name : $"{project.Name}-{index}";
            var port = index == 0 ? project.Port : FreePort.Next();
            var process = ChildProcess.Start(replicaName, dotnet, [assembly], log, EnvironmentFor(project, replicaName, port), projectDirectory);
            project.Running.Add(new ProjectReplica(replicaName, port, process));
        }

        await Task.WhenAll(project.Running.Select(replica =>
            Readiness.WaitAsync(replica.Name, replica.Process, () => IsHealthyAsync(replica.Url), cancellationToken)));
        log.Write(project.Name, $"healthy at {project.Url}");
    }

    private Dictionary<string, string> EnvironmentFor(ProjectResource project, string replicaName, int port)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["ASPNETCORE_ENVIRONMENT"] = options.EnvironmentName,
            ["DOTNET_ENVIRONMENT"] = options.EnvironmentName,
            ["OTEL_SERVICE_NAME"] = project.Name,
            ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={replicaName}",
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
        };
        if (options.DashboardOtlpEndpoint is not null)
        {
            environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = options.DashboardOtlpEndpoint;
        }
        foreach (var reference in project.References)
        {
            switch (reference)
            {
                case IResourceWithConnectionString withConnection:
                    environment[$"ConnectionStrings__{reference.Name}"] = withConnection.ConnectionString
                        ?? throw new InvalidOperationException($"{reference.Name} has no connection string yet: make {project.Name} wait for it.");
                    break;
                case ProjectResource other:
                    environment[$"services__{other.Name}__http__0"] = other.Url;
                    break;
            }
        }
        foreach (var (name, value) in project.Environment)
        {
            environment[name] = value();
        }
        return environment;
    }

    private async Task<bool> IsHealthyAsync(string url)
    {
        try
        {
            using var response = await health.GetAsync(url + "/health");
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private IEnumerable<string> DescribeResources()
    {
        yield return $"{"resource",-12} {"kind",-10} address";
        foreach (var resource in resources)
        {
            var (kind, address) = resource switch
            {
                ProjectResource project => ("project", string.Join(", ", project.Running.Select(r => r.Url))),
                ServerResource server => (server.Kind.ToString().ToLowerInvariant(), HidePassword(server.ConnectionString)),
                DatabaseResource database => ("database", HidePassword(database.ConnectionString)),
                _ => ("", ""),
            };
            yield return $"{resource.Name,-12} {kind,-10} {address}";
        }
    }

    private static string HidePassword(string? connectionString) => connectionString is null
        ? "(given)"
        : System.Text.RegularExpressions.Regex.Replace(connectionString, @"(Password=)[^;]*|(://[^:/@]+:)[^@]*(@)", m =>
            m.Groups[1].Success ? m.Groups[1].Value + "***" : m.Groups[2].Value + "***" + m.Groups[3].Value);
}
