using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using AutoReply.AppHost.Servers;
using AutoReply.IntegrationTests.Infrastructure;

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
    public async Task With_three_broker_nodes_the_broker_is_a_local_cluster_whose_connection_string_names_every_node()
    {
        using var data = new TestDataDirectory();
        var resources = await ResourcesAsync([.. data.AppHostArguments, "--AppHost:Servers=executables", "--AppHost:BrokerNodes=3"]);

        var cluster = Assert.IsType<LocalRabbitMQClusterResource>(resources["rabbitmq"]);
        Assert.Equal(["rabbitmq-1", "rabbitmq-2", "rabbitmq-3"], cluster.Nodes.Select(node => node.Name));
        Assert.Equal("{0},{1},{2}", cluster.ConnectionStringExpression.Format);
        Assert.Equal(
            cluster.Nodes.Select(node => node.ConnectionStringExpression.ValueExpression),
            cluster.ConnectionStringExpression.ValueProviders.Cast<ReferenceExpression>().Select(node => node.ValueExpression));
        // A new cluster forms one node after the other, each joining the one before it.
        Assert.Equal(["rabbitmq-1", "rabbitmq-epmd"], WaitsOf(resources["rabbitmq-2"]));
        Assert.Equal(["rabbitmq-2", "rabbitmq-epmd"], WaitsOf(resources["rabbitmq-3"]));
        Assert.Equal(["migrations", "rabbitmq", "redis"], WaitsOf(resources["rules"]));
    }

    [Fact]
    public async Task A_broker_cluster_with_containers_is_refused_with_the_setting_to_change()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => ResourcesAsync("--AppHost:Servers=containers", "--AppHost:BrokerNodes=3"));

        Assert.Contains("AppHost:Servers=executables", error.ToString(), StringComparison.Ordinal);
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
