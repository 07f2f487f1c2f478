using AutoReply.AppHost.Hosting.Servers;

namespace AutoReply.AppHost.Hosting;

/// <summary>Something the AppHost runs or hands to the services: a server, a database, a project.</summary>
public abstract class Resource(string name)
{
    public string Name { get; } = name;

    /// <summary>Resources that must be ready before this one starts.</summary>
    public List<Resource> WaitsFor { get; } = [];
}

/// <summary>A resource services reach through <c>ConnectionStrings__{Name}</c>.</summary>
public interface IResourceWithConnectionString
{
    string Name { get; }

    /// <summary>Known once the resource is running (or given from outside).</summary>
    string? ConnectionString { get; }
}

public enum ServerKind
{
    RabbitMq,
    Redis,
    Postgres,
}

/// <summary>A server the AppHost starts privately, unless its connection string is given from outside.</summary>
public sealed class ServerResource(string name, ServerKind kind) : Resource(name), IResourceWithConnectionString
{
    public ServerKind Kind { get; } = kind;

    public IPrivateServer? Instance { get; set; }

    public string? ExternalConnectionString { get; set; }

    public string? ConnectionString => ExternalConnectionString ?? Instance?.ConnectionString;

    public List<DatabaseResource> Databases { get; } = [];
}

/// <summary>A database on a PostgreSQL server resource; its connection string names the database.</summary>
public sealed class DatabaseResource(string name, ServerResource server) : Resource(name), IResourceWithConnectionString
{
    public ServerResource Server { get; } = server;

    public string? ExternalConnectionString { get; set; }

    public string? ConnectionString => ExternalConnectionString
        ?? (Server.Instance is PostgresServer postgres ? postgres.DatabaseConnectionString(Name) : null);
}

/// <summary>A .NET project the AppHost starts as child processes, one per replica.</summary>
public sealed class ProjectResource(string name, string projectPath) : Resource(name)
{
    public string ProjectPath { get; } = projectPath;

    /// <summary>The HTTP port of the first replica; 0 until allocated when free ports are asked for.</summary>
    public int Port { get; set; }

    public int Replicas { get; set; } = 1;

    public List<(string Name, Func<string> Value)> Environment { get; } = [];

    public List<Resource> References { get; } = [];

    public List<ProjectReplica> Running { get; } = [];

    public string Url => $"http://127.0.0.1:{Port}";
}

public sealed record ProjectReplica(string Name, int Port, ChildProcess Process)
{
    public string Url => $"http://127.0.0.1:{Port}";
}

/// <summary>Fluent configuration of a resource, in the shape of Aspire's <c>IResourceBuilder&lt;T&gt;</c>.</summary>
public sealed class ResourceBuilder<T>(T resource, DistributedApplicationBuilder application)
    where T : Resource
{
    public T Resource { get; } = resource;

    public ResourceBuilder<T> WaitFor<TOther>(ResourceBuilder<TOther> other)
        where TOther : Resource
    {
        Resource.WaitsFor.Add(other.Resource);
        return this;
    }

    /// <summary>For a PostgreSQL server: a database its dependents reach as <c>ConnectionStrings__{name}</c>.</summary>
    public ResourceBuilder<DatabaseResource> AddDatabase(string name)
    {
        var server = Resource as ServerResource ?? throw new InvalidOperationException("Only a server has databases.");
        var database = new DatabaseResource(name, server);
        database.WaitsFor.Add(server);
        server.Databases.Add(database);
        return application.Add(database);
    }
}

public static class ProjectResourceBuilderExtensions
{
    /// <summary>The HTTP endpoint of the project (the first replica's port; the others get free ones).</summary>
    public static ResourceBuilder<ProjectResource> WithHttpEndpoint(this ResourceBuilder<ProjectResource> builder, int port)
    {
        builder.Resource.Port = port;
        return builder;
    }

    /// <summary>
    /// Hands the other resource to the project as Aspire does: <c>ConnectionStrings__{name}</c> for a
    /// server or database, <c>services__{name}__http__0</c> for a project.
    /// </summary>
    public static ResourceBuilder<ProjectResource> WithReference<TOther>(this ResourceBuilder<ProjectResource> builder, ResourceBuilder<TOther> other)
        where TOther : Resource
    {
        builder.Resource.References.Add(other.Resource);
        return builder;
    }

    public static ResourceBuilder<ProjectResource> WithEnvironment(this ResourceBuilder<ProjectResource> builder, string name, string value) =>
        builder.WithEnvironment(name, () => value);

    /// <summary>A value computed when the project starts, e.g. from another project's allocated endpoint.</summary>
    public static ResourceBuilder<ProjectResource> WithEnvironment(this ResourceBuilder<ProjectResource> builder, string name, Func<string> value)
    {
        builder.Resource.Environment.Add((name, value));
        return builder;
    }

    /// <summary>The URL of the project's HTTP endpoint, known once ports are allocated.</summary>
    public static Func<string> GetEndpoint(this ResourceBuilder<ProjectResource> builder, string path = "") =>
        () => builder.Resource.Url + path;
}
