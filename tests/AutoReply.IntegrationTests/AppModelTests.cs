using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using AutoReply.AppHost.Servers;

namespace AutoReply.IntegrationTests;

/// <summary>The AppHost's app model as each way of providing the servers builds it (nothing is started).</summary>
public sealed class AppModelTests
{
    [Fact]
    public async Task Without_a_container_engine_the_servers_are_local_executables()
    {
        var resources = await ResourcesAsync("--AppHost:Servers=executables");

        Assert.IsType<LocalRabbitMQResource>(resources["rabbitmq"]);
        Assert.IsType<LocalRedisResource>(resources["redis"]);
        Assert.IsType<LocalPostgresDatabaseResource>(resources["autoreplydb"]);
    }

    [Fact]
    public async Task With_containers_the_servers_are_Aspires_stock_container_resources_with_data_volumes()
    {
        var resources = await ResourcesAsync("--AppHost:Servers=containers");

        Assert.IsType<RabbitMQServerResource>(resources["rabbitmq"]);
        Assert.IsType<RedisResource>(resources["redis"]);
        Assert.IsType<PostgresDatabaseResource>(resources["autoreplydb"]);
        Assert.All(new[] { resources["rabbitmq"], resources["redis"], resources["postgres"] },
            server => Assert.Contains(server.Annotations.OfType<ContainerMountAnnotation>(), mount => mount.Type == ContainerMountType.Volume));
    }

    [Fact]
    public async Task A_connection_string_given_from_outside_is_used_as_it_is_and_nothing_is_started_for_it()
    {
        const string Given = "amqp://guest:guest@broker.internal:5672";
        var resources = await ResourcesAsync("--AppHost:Servers=executables", $"--ConnectionStrings:rabbitmq={Given}");

        var rabbitMq = Assert.IsAssignableFrom<IResourceWithConnectionString>(resources["rabbitmq"]);
        Assert.Equal(Given, await rabbitMq.GetConnectionStringAsync(TestContext.Current.CancellationToken));
        Assert.DoesNotContain(resources.Values, resource => resource is LocalRabbitMQResource or ErlangPortMapperResource);
        Assert.IsType<LocalRedisResource>(resources["redis"]);
    }

    [Fact]
    public async Task The_services_wait_for_the_servers_they_reference()
    {
        var resources = await ResourcesAsync("--AppHost:Servers=executables");

        // Waiting for a database waits for its server too; the services reach the database once the migrations are done.
        Assert.Equal(["autoreplydb", "postgres"], WaitsOf(resources["migrations"]));
        Assert.Equal(["migrations", "rabbitmq", "redis"], WaitsOf(resources["rules"]));
        Assert.Equal(["migrations", "redis"], WaitsOf(resources["rules-api"]));
        Assert.Equal(["rabbitmq", "redis", "rules", "rules-api"], WaitsOf(resources["ingress"]));
        Assert.Equal(["migrations", "rabbitmq", "smssandbox"], WaitsOf(resources["sender"]));
    }

    [Fact]
    public async Task The_services_that_use_the_database_start_only_after_the_migrations_completed()
    {
        var resources = await ResourcesAsync("--AppHost:Servers=executables");

        foreach (var service in new[] { "rules", "rules-api", "sender" })
        {
            var wait = Assert.Single(resources[service].Annotations.OfType<WaitAnnotation>(), wait => wait.Resource.Name == "migrations");
            Assert.Equal(WaitType.WaitForCompletion, wait.WaitType);
        }
    }

    private static string[] WaitsOf(IResource resource) =>
        [.. resource.Annotations.OfType<WaitAnnotation>().Select(wait => wait.Resource.Name).Order(StringComparer.Ordinal)];

    private static async Task<Dictionary<string, IResource>> ResourcesAsync(params string[] arguments)
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AutoReply_AppHost>(arguments, TestContext.Current.CancellationToken);
        return builder.Resources.ToDictionary(resource => resource.Name);
    }
}
