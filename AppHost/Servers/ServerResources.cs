using System.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace AutoReply.AppHost.Servers;

/// <summary>
/// RabbitMQ, Redis and PostgreSQL for the app model, each in one of three forms the services
/// cannot tell apart: a connection string given from outside (<c>ConnectionStrings__NAME</c>),
/// Aspire's stock container resource where a container engine runs, or a local executable of the
/// Debian binaries where none does. <c>AppHost:Servers</c> (<c>containers</c> or <c>executables</c>)
/// overrides the choice.
/// </summary>
public static class ServerResources
{
    public const string ServersSetting = "AppHost:Servers";

    /// <summary>How many RabbitMQ nodes the AppHost runs: 1 (the default), or 3 for a cluster that survives losing one.</summary>
    public const string BrokerNodesSetting = "AppHost:BrokerNodes";

    public static IResourceBuilder<IResourceWithConnectionString> AddMessageBroker(this IDistributedApplicationBuilder builder, [ResourceName] string name) =>
        (HostingOf(builder, name), builder.Configuration.GetValue(BrokerNodesSetting, 1)) switch
        {
            (_, < 1) => throw new DistributedApplicationException($"{BrokerNodesSetting} must be 1 or more."),
            (ServerHosting.External, _) => builder.AddConnectionString(name),
            (ServerHosting.Container, 1) => builder.AddRabbitMQ(name).WithDataVolume(),
            (ServerHosting.Container, _) => throw new DistributedApplicationException(
                $"{BrokerNodesSetting} above 1 runs the local rabbitmq-server nodes: set {ServersSetting}=executables."),
            (_, 1) => builder.AddLocalRabbitMQ(name),
            (_, var nodes) => builder.AddLocalRabbitMQCluster(name, nodes),
        };

    public static IResourceBuilder<IResourceWithConnectionString> AddCache(this IDistributedApplicationBuilder builder, [ResourceName] string name) =>
        HostingOf(builder, name) switch
        {
            ServerHosting.External => builder.AddConnectionString(name),
            ServerHosting.Container => builder.AddRedis(name).WithDataVolume(),
            _ => builder.AddLocalRedis(name),
        };

    public static IResourceBuilder<IResourceWithConnectionString> AddDatabase(this IDistributedApplicationBuilder builder, [ResourceName] string serverName, [ResourceName] string databaseName) =>
        HostingOf(builder, databaseName) switch
        {
            ServerHosting.External => builder.AddConnectionString(databaseName),
            ServerHosting.Container => builder.AddPostgres(serverName).WithDataVolume().AddDatabase(databaseName),
            _ => builder.AddLocalPostgres(serverName).AddDatabase(databaseName),
        };

    private static ServerHosting HostingOf(IDistributedApplicationBuilder builder, string connectionName)
    {
        if (!string.IsNullOrEmpty(builder.Configuration.GetConnectionString(connectionName)))
        {
            return ServerHosting.External;
        }
        return builder.Configuration[ServersSetting] switch
        {
            "containers" => ServerHosting.Container,
            "executables" => ServerHosting.Executable,
            null or "" => ContainerEngineAnswers.Value ? ServerHosting.Container : ServerHosting.Executable,
            var other => throw new DistributedApplicationException($"{ServersSetting} is '{other}': use 'containers' or 'executables'."),
        };
    }

    private static readonly Lazy<bool> ContainerEngineAnswers = new(() =>
        new[] { Environment.GetEnvironmentVariable("ASPIRE_CONTAINER_RUNTIME"), "docker", "podman" }
            .Where(runtime => !string.IsNullOrEmpty(runtime))
            .Any(runtime => Answers(runtime!)));

    /// <summary>A container engine counts only when its daemon answers, not when just its client is installed.</summary>
    private static bool Answers(string runtime)
    {
        try
        {
            using var info = Process.Start(new ProcessStartInfo(runtime, ["info", "--format", "{{.ServerVersion}}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (info is null || !info.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                info?.Kill();
                return false;
            }
            return info.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // not installed
        }
    }

    private enum ServerHosting
    {
        Executable,
        Container,
        External,
    }
}
