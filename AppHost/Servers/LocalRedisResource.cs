using Microsoft.Extensions.DependencyInjection;
namespace AutoReply.AppHost.Servers;

/// <summary>
/// Redis from the locally installed <c>redis-server</c>, handing services the connection string
/// Aspire's Redis container resource would: <c>host:port,password=…</c>.
/// </summary>
public sealed class LocalRedisResource(string name, ParameterResource password, string dataDirectory)
    : ExecutableResource(name, "/bin/sh", dataDirectory), IResourceWithConnectionString
{
    internal const string EndpointName = "tcp";

    public ParameterResource PasswordParameter { get; } = password;

    public EndpointReference PrimaryEndpoint => new(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"{PrimaryEndpoint.Property(EndpointProperty.Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)},password={PasswordParameter}");
}

public static class LocalRedisBuilderExtensions
{
    private const string Binary = "/usr/bin/redis-server";

    /// <summary>
    /// Adds Redis with append-only persistence in its own data folder, so cooldowns and
    /// de-duplication keys outlive an AppHost restart as they would in a container's data volume.
    /// </summary>
    public static IResourceBuilder<LocalRedisResource> AddLocalRedis(this IDistributedApplicationBuilder builder, [ResourceName] string name)
    {
        // StackExchange.Redis cannot parse a password with a comma, hence no special characters (as Aspire's AddRedis).
        var password = ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{name}-password", special: false);
        var dataDirectory = LocalServerFiles.DataDirectory(builder, name);
        var redis = new LocalRedisResource(name, password, dataDirectory);

        var healthCheckKey = $"{name}_check";
        string? connectionString = null;
        builder.Services.AddHealthChecks().AddRedis(
            _ => connectionString ?? throw new InvalidOperationException($"{name} has no connection string yet."), name: healthCheckKey);

        var endpoint = redis.PrimaryEndpoint;
        return builder.AddResource(redis)
            .WithEndpoint(name: LocalRedisResource.EndpointName, scheme: "redis", isProxied: false)
            // The password reaches redis-server through the environment, not its visible command line
            // (as Aspire's container does); exec keeps redis-server itself the process DCP watches.
            .WithEnvironment("REDIS_PASSWORD", password)
            .WithArgs(
                "-c", "exec \"$0\" \"$@\" --requirepass \"$REDIS_PASSWORD\"", Binary,
                "--bind", "127.0.0.1", "--port", endpoint.Property(EndpointProperty.TargetPort),
                "--dir", dataDirectory, "--appendonly", "yes", "--save", "", "--protected-mode", "yes")
            .OnBeforeResourceStarted((_, _, _) =>
            {
                LocalServerFiles.Require(Binary, "redis-server");
                Directory.CreateDirectory(dataDirectory);
                return Task.CompletedTask;
            })
            .OnConnectionStringAvailable(async (resource, _, cancellationToken) =>
                connectionString = await resource.ConnectionStringExpression.GetValueAsync(cancellationToken))
            .WithHealthCheck(healthCheckKey)
            .WithIconName("Database");
    }
}
