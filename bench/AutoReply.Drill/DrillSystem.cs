using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using AutoReply.AppHost.Servers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using StackExchange.Redis;

namespace AutoReply.Drill;

/// <summary>
/// The system under drill: started through the AppHost with Aspire's testing builder (every fault
/// available), handed over by a test that started it, or attached to by URL (provider faults and
/// Redis data loss only: the drill does not own the processes).
/// </summary>
public sealed class DrillSystem : IAsyncDisposable
{
    public const string SandboxAccountSid = "AC00000000000000000000000000000000";
    private const string SandboxAuthToken = "dev-token";
    private static readonly TimeSpan ProviderFaultLength = TimeSpan.FromSeconds(10);

    private readonly DistributedApplication? app;
    private readonly bool ownsApp;
    private readonly string? ownedDataDirectory;
    private readonly ConcurrentDictionary<string, ResourceEvent> resources = new();
    private readonly CancellationTokenSource watching = new();

    private DrillSystem(DistributedApplication? app, bool ownsApp, string? ownedDataDirectory, HttpClient ingress, HttpClient rules, HttpClient sandbox, string? redis, string? rabbitMq, string? database)
    {
        DatabaseConnectionString = database;
        this.app = app;
        this.ownsApp = ownsApp;
        this.ownedDataDirectory = ownedDataDirectory;
        Ingress = ingress;
        Rules = rules;
        Sandbox = sandbox;
        RedisConnectionString = redis;
        RabbitMqConnectionString = rabbitMq;
        if (app is not null)
        {
            _ = WatchResourcesAsync(app, watching.Token);
        }
    }

    public HttpClient Ingress { get; }

    public HttpClient Rules { get; }

    public HttpClient Sandbox { get; }

    public string? RedisConnectionString { get; }

    public string? RabbitMqConnectionString { get; }

    /// <summary>The rules' and the sender's database, as its owner: the benchmark reads <c>pg_stat_statements</c> and counts decisions there.</summary>
    public string? DatabaseConnectionString { get; }

    /// <summary>The <c>/metrics</c> of every running instance of every service (each replica on its own port); none when attached.</summary>
    /// <summary>Each running instance's <c>/metrics</c>, with the name of its service.</summary>
    public IReadOnlyList<(string Service, Uri Url)> ServiceMetricsUrls() => [.. resources.Values
        .Where(e => e.Resource is ProjectResource && e.Snapshot.State?.Text == KnownResourceStates.Running)
        .Select(e => (e.Resource.Name, Url: e.Snapshot.EnvironmentVariables.FirstOrDefault(variable => variable.Name == "ASPNETCORE_URLS")?.Value?.Split(';')[0]))
        .Where(e => e.Url is not null)
        .Select(e => (e.Name, new Uri(new Uri(e.Url!), "/metrics")))];

    public bool CanInject(Fault fault) => fault switch
    {
        Fault.BrokerNodeKill => BrokerNodes.Count > 1,
        Fault.RabbitMqRestart => app is not null && BrokerNodes.Count == 1,
        Fault.RedisDataLoss => RedisConnectionString is not null,
        Fault.Provider500 or Fault.Provider429 or Fault.ProviderSlow => true,
        _ => app is not null,
    };

    /// <summary>The local RabbitMQ nodes of the system the drill started or was handed (a cluster's, or the one node).</summary>
    private IReadOnlyList<LocalRabbitMQResource> BrokerNodes => app is null ? [] : [.. app.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<LocalRabbitMQResource>()];

    /// <summary>The broker cluster as RabbitMQ's tools see it; null when the system has one node or none the drill runs.</summary>
    public BrokerCluster? BrokerCluster()
    {
        if (BrokerNodes.Count < 2)
        {
            return null;
        }
        var portMapperPort = resources.Values
            .Where(e => e.Resource is LocalRabbitMQResource)
            .Select(e => e.Snapshot.EnvironmentVariables.FirstOrDefault(variable => variable.Name == "ERL_EPMD_PORT")?.Value)
            .First(port => port is not null)!;
        return new BrokerCluster([.. BrokerNodes.Select(node => node.NodeName)], portMapperPort);
    }

    /// <summary>Starts the whole system as <c>eng/run.sh</c> does, on data of its own.</summary>
    public static async Task<DrillSystem> StartAsync(DrillOptions options, CancellationToken cancellationToken)
    {
        var dataDirectory = options.DataDirectory ?? Path.Combine(Path.GetTempPath(), $"autoreply-drill-{Guid.NewGuid():N}");
        // The benchmark runs the system as a developer does, its telemetry received by the dashboard; the drill's faults need the CPU for themselves.
        var withDashboard = options.Mode == "bench" && options.Telemetry;
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AutoReply_AppHost>(
            new DistributedApplicationTestingBuilderOptions { EnableDashboard = withDashboard },
            [$"--AppHost:DataDirectory={dataDirectory}", $"--AUTOREPLY_API_KEY={options.ApiKey}", $"--AppHost:BrokerNodes={options.BrokerNodes}"], cancellationToken);
        // The drill's console is for its own report: the resources' logs are on the dashboard, not here.
        builder.Services.AddLogging(logging => logging
            .AddFilter("AutoReply.AppHost.Resources", LogLevel.None)
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None)
            .SetMinimumLevel(LogLevel.Warning));
        // Without the dashboard there is no collector: an exporter with nowhere to send retries and burns the CPU being measured.
        foreach (var project in builder.Resources.OfType<ProjectResource>().Where(_ => !withDashboard))
        {
            project.Annotations.Add(new EnvironmentCallbackAnnotation(environment => environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT")));
        }
        var started = await builder.BuildAsync(cancellationToken);
        await started.StartAsync(cancellationToken);
        string[] services = ["ingress", "rules", "rules-api", "sender", "smssandbox"];
        await Task.WhenAll(services.Select(service => started.ResourceNotifications.WaitForResourceHealthyAsync(service, cancellationToken)));
        return await ForAsync(started, options.ApiKey, ownsApp: true, options.DataDirectory is null ? dataDirectory : null, cancellationToken);
    }

    /// <summary>A system the caller started and keeps (a test's); the drill injects its faults into it.</summary>
    public static Task<DrillSystem> ForAsync(DistributedApplication app, string apiKey, CancellationToken cancellationToken) =>
        ForAsync(app, apiKey, ownsApp: false, ownedDataDirectory: null, cancellationToken);

    public static DrillSystem Attach(DrillOptions options) => new(
        app: null,
        ownsApp: false,
        ownedDataDirectory: null,
        ApiClient(options.Ingress!, options.ApiKey),
        ApiClient(options.Rules, options.ApiKey),
        SandboxClient(options.Sandbox),
        options.RedisConnectionString,
        options.RabbitMqConnectionString,
        database: null);

    private static async Task<DrillSystem> ForAsync(DistributedApplication app, string apiKey, bool ownsApp, string? ownedDataDirectory, CancellationToken cancellationToken) => new(
        app,
        ownsApp,
        ownedDataDirectory,
        ApiClient(app.GetEndpoint("ingress", "http").ToString(), apiKey),
        ApiClient(app.GetEndpoint("rules-api", "http").ToString(), apiKey),
        SandboxClient(app.GetEndpoint("smssandbox", "http").ToString()),
        await app.GetConnectionStringAsync("redis", cancellationToken),
        await app.GetConnectionStringAsync("rabbitmq", cancellationToken),
        await app.GetConnectionStringAsync("autoreplydb", cancellationToken));

    public async Task InjectAsync(Fault fault, CancellationToken cancellationToken)
    {
        switch (fault)
        {
            case Fault.SenderKill:
                await KillAndStartAgainAsync("sender", cancellationToken);
                break;
            case Fault.RulesKill:
                await KillAndStartAgainAsync("rules", cancellationToken);
                break;
            case Fault.BrokerNodeKill:
                var busiest = await BrokerCluster()!.BusiestQueueAsync(cancellationToken);
                await StopAndStartAgainAsync(BrokerNodes.Single(node => node.NodeName == busiest.Leader).Name, KillProcess, cancellationToken);
                break;
            case Fault.RabbitMqRestart:
                await RestartAsync("rabbitmq", cancellationToken);
                break;
            case Fault.RedisRestart:
                await RestartAsync("redis", cancellationToken);
                break;
            case Fault.RedisDataLoss:
                await using (var redis = await ConnectionMultiplexer.ConnectAsync(RedisConnectionString! + ",allowAdmin=true"))
                {
                    await redis.GetServers()[0].FlushAllDatabasesAsync();
                }
                break;
            case Fault.PostgresRestart:
                // Not the restart command: under load DCP can begin its stop so late that it reports
                // it failed, and then never starts the server again. A fast shutdown and a start is
                // the same restart to every client.
                await StopAndStartAgainAsync("postgres", ShutDownServerProcess, cancellationToken);
                break;
            case Fault.Provider500:
                await ProviderFaultAsync(new { failureRate = 0.5, failureStatus = 500 }, cancellationToken);
                break;
            case Fault.Provider429:
                await ProviderFaultAsync(new { failureRate = 0.5, failureStatus = 429, retryAfterSeconds = 1 }, cancellationToken);
                break;
            case Fault.ProviderSlow:
                await ProviderFaultAsync(new { latencyMs = 2000 }, cancellationToken);
                break;
        }
    }

    /// <summary>
    /// <c>kill -9</c> of the service process behind a project resource: DCP runs a project under
    /// <c>dotnet run</c>, whose pid the resource reports, so the service is that process's child.
    /// </summary>
    public static void KillServiceProcess(CustomResourceSnapshot resource)
    {
        using var service = Process.GetProcessById(ChildProcessOf(resource));
        service.Kill();
    }

    /// <summary><c>kill -9</c> of the process an executable resource runs (a RabbitMQ node executes in place).</summary>
    private static void KillProcess(CustomResourceSnapshot resource)
    {
        using var process = Process.GetProcessById(int.Parse(resource.Properties.Single(p => p.Name == "executable.pid").Value!.ToString()!, CultureInfo.InvariantCulture));
        process.Kill();
    }

    /// <summary>
    /// Asks the PostgreSQL server behind the resource (the child of the shell the AppHost wraps it
    /// in) for its fast shutdown, as a restart of the server does: every session is ended.
    /// </summary>
    private static void ShutDownServerProcess(CustomResourceSnapshot resource)
    {
        using var kill = Process.Start("kill", ["-INT", ChildProcessOf(resource).ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    private static int ChildProcessOf(CustomResourceSnapshot resource)
    {
        var parent = resource.Properties.Single(p => p.Name == "executable.pid").Value!.ToString()!;
        var child = File.ReadAllText($"/proc/{parent}/task/{parent}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries).Single();
        return int.Parse(child, CultureInfo.InvariantCulture);
    }

    private Task KillAndStartAgainAsync(string resourceName, CancellationToken cancellationToken) =>
        StopAndStartAgainAsync(resourceName, KillServiceProcess, cancellationToken);

    /// <summary>
    /// Ends one instance of <paramref name="resourceName"/> with <paramref name="stop"/>, then starts
    /// it again from the app model as an orchestrator restarts an exited process.
    /// </summary>
    private async Task StopAndStartAgainAsync(string resourceName, Action<CustomResourceSnapshot> stop, CancellationToken cancellationToken)
    {
        var instance = resources.Values.Where(e => e.Resource.Name == resourceName).OrderBy(e => e.ResourceId, StringComparer.Ordinal).First();
        stop(instance.Snapshot);
        await app!.ResourceNotifications.WaitForResourceAsync(
            resourceName, e => e.ResourceId == instance.ResourceId && KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), cancellationToken);
        await app.ResourceCommands.ExecuteCommandAsync(instance.ResourceId, KnownResourceCommands.StartCommand, cancellationToken);
        await app.ResourceNotifications.WaitForResourceAsync(
            resourceName, e => e.ResourceId == instance.ResourceId && e.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, cancellationToken);
    }

    private async Task RestartAsync(string resourceName, CancellationToken cancellationToken)
    {
        await app!.ResourceCommands.ExecuteCommandAsync(resourceName, KnownResourceCommands.RestartCommand, cancellationToken);
        await app.ResourceNotifications.WaitForResourceHealthyAsync(resourceName, cancellationToken);
    }

    private async Task ProviderFaultAsync(object faults, CancellationToken cancellationToken)
    {
        (await Sandbox.PutAsJsonAsync("/sandbox/faults", faults, cancellationToken)).EnsureSuccessStatusCode();
        await Task.Delay(ProviderFaultLength, cancellationToken);
        (await Sandbox.DeleteAsync("/sandbox/faults", cancellationToken)).EnsureSuccessStatusCode();
    }

    private async Task WatchResourcesAsync(DistributedApplication watched, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var e in watched.ResourceNotifications.WatchAsync(cancellationToken))
            {
                resources[e.ResourceId] = e;
            }
        }
        catch (OperationCanceledException)
        {
            // The drill is over.
        }
    }

    /// <summary>A client of the API key's rate limits: a 429 is waited out for its <c>Retry-After</c> and sent again.</summary>
    private static HttpClient ApiClient(string url, string apiKey) => new(new ResilienceHandler(RateLimitedRetries) { InnerHandler = new SocketsHttpHandler() })
    {
        BaseAddress = new Uri(url),
        Timeout = TimeSpan.FromSeconds(30),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", apiKey) },
    };

    private static readonly ResiliencePipeline<HttpResponseMessage> RateLimitedRetries = new ResiliencePipelineBuilder<HttpResponseMessage>()
        .AddRetry(new HttpRetryStrategyOptions
        {
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests),
            ShouldRetryAfterHeader = true,
            MaxRetryAttempts = 20,
        })
        .Build();

    private static HttpClient SandboxClient(string url) => new()
    {
        BaseAddress = new Uri(url),
        Timeout = TimeSpan.FromSeconds(30),
        DefaultRequestHeaders =
        {
            Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{SandboxAccountSid}:{SandboxAuthToken}"))),
        },
    };

    public async ValueTask DisposeAsync()
    {
        await watching.CancelAsync();
        Ingress.Dispose();
        Rules.Dispose();
        Sandbox.Dispose();
        if (app is not null && ownsApp)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        if (ownedDataDirectory is not null)
        {
            try
            {
                Directory.Delete(ownedDataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A server still closing its files; the folder is in the temp directory anyway.
            }
        }
        watching.Dispose();
    }
}
