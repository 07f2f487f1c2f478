using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AutoReply.AppHost.Hosting;

/// <summary>
/// The AppHost's app model, in the shape of .NET Aspire's: resources with references and waits,
/// started by one <c>dotnet run --project AppHost</c>. Aspire's hosting packages are not available
/// here, so this small runner follows the same conventions, and the services run unchanged under a
/// real Aspire AppHost.
/// </summary>
public sealed class DistributedApplicationBuilder
{
    private readonly HostApplicationBuilder host;
    private readonly List<Resource> resources = [];

    internal DistributedApplicationBuilder(string[] args)
    {
        host = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
        host.Logging.ClearProviders();
        host.Logging.AddSimpleConsole(console => console.SingleLine = true);
        host.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(60));
    }

    public IConfiguration Configuration => host.Configuration;

    public string EnvironmentName => host.Environment.EnvironmentName;

    public ResourceBuilder<ServerResource> AddRabbitMQ(string name) => Add(new ServerResource(name, ServerKind.RabbitMq));

    public ResourceBuilder<ServerResource> AddRedis(string name) => Add(new ServerResource(name, ServerKind.Redis));

    public ResourceBuilder<ServerResource> AddPostgres(string name) => Add(new ServerResource(name, ServerKind.Postgres));

    /// <summary>A .NET project, by its path from the repository root.</summary>
    public ResourceBuilder<ProjectResource> AddProject(string name, string projectPath) => Add(new ProjectResource(name, projectPath));

    internal ResourceBuilder<T> Add<T>(T resource)
        where T : Resource
    {
        if (resources.Any(r => r.Name == resource.Name))
        {
            throw new InvalidOperationException($"A resource named '{resource.Name}' already exists.");
        }
        resources.Add(resource);
        return new ResourceBuilder<T>(resource, this);
    }

    public DistributedApplication Build()
    {
        var options = AppHostOptions.From(host.Configuration, host.Environment.EnvironmentName);
        host.Services.AddSingleton(options);
        host.Services.AddSingleton<IReadOnlyList<Resource>>(resources);
        host.Services.AddSingleton(options.LogDirectory is null ? ResourceLog.Console : new ResourceLog(options.LogDirectory));
        host.Services.AddSingleton<ResourceOrchestrator>();
        host.Services.AddHostedService(services => services.GetRequiredService<ResourceOrchestrator>());
        host.Services.AddHostedService<ParentProcessWatch>();
        var app = new DistributedApplication(host.Build(), resources);
        DistributedApplication.NotifyBuilt(app);
        return app;
    }
}

public sealed class DistributedApplication(IHost host, IReadOnlyList<Resource> resources) : IAsyncDisposable
{
    /// <summary>
    /// Raised when an AppHost's model is built: the end-to-end tests run the AppHost's own entry
    /// point and take the application from here, as Aspire's testing builder does.
    /// </summary>
    public static event Action<DistributedApplication>? Built;

    public IReadOnlyList<Resource> Resources => resources;

    public IServiceProvider Services => host.Services;

    public static DistributedApplicationBuilder CreateBuilder(string[] args) => new(args);

    internal static void NotifyBuilt(DistributedApplication app) => Built?.Invoke(app);

    public T Get<T>(string name)
        where T : Resource => resources.OfType<T>().Single(r => r.Name == name);

    public Task RunAsync(CancellationToken cancellationToken = default) => host.RunAsync(cancellationToken);

    public Task StopAsync() => host.StopAsync();

    public ValueTask DisposeAsync()
    {
        host.Dispose();
        return ValueTask.CompletedTask;
    }
}
