using System.Net;
using AutoReply.Messaging;

namespace AutoReply.UnitTests.ServiceDefaults;

public sealed class RabbitMqConnectionStringTests
{
    [Fact]
    public void Aspire_style_connection_string_gives_host_port_vhost_and_credentials()
    {
        var parsed = RabbitMqConnectionString.Parse("amqp://auto%40reply:p%3Ass@rabbit.local:5673/prod%2Fa");

        Assert.Equal(new RabbitMqConnectionString([new DnsEndPoint("rabbit.local", 5673)], "prod/a", "auto@reply", "p:ss"), parsed);
    }

    [Fact]
    public void Missing_port_vhost_and_credentials_take_rabbitmq_defaults()
    {
        Assert.Equal(new RabbitMqConnectionString([new DnsEndPoint("localhost", 5672)], "/", "guest", "guest"), RabbitMqConnectionString.Parse("amqp://localhost"));
    }

    [Fact]
    public void A_cluster_is_one_uri_per_node_and_keeps_their_order()
    {
        var parsed = RabbitMqConnectionString.Parse("amqp://app:s%2Ccret@10.0.0.1:5672/prod,amqp://app:s%2Ccret@10.0.0.2:5673/prod,amqp://app:s%2Ccret@10.0.0.3/prod");

        Assert.Equal(
            new RabbitMqConnectionString([new DnsEndPoint("10.0.0.1", 5672), new DnsEndPoint("10.0.0.2", 5673), new DnsEndPoint("10.0.0.3", 5672)], "prod", "app", "s,cret"),
            parsed);
    }

    [Fact]
    public void Cluster_nodes_with_different_credentials_are_refused()
    {
        var error = Assert.Throws<FormatException>(() => RabbitMqConnectionString.Parse("amqp://a:x@node1/,amqp://b:x@node2/"));

        Assert.Contains("same user, password and virtual host", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Written_out_it_names_the_nodes_and_never_the_password()
    {
        var parsed = RabbitMqConnectionString.Parse("amqp://app:hunter2@node1:5672/prod,amqp://app:hunter2@node2:5672/prod");

        Assert.Equal("node1:5672,node2:5672/prod", parsed.ToString());
    }

    [Theory]
    [InlineData("localhost:5672")]
    [InlineData("http://localhost:5672/")]
    [InlineData("amqp://node1:5672/,node2:5672")]
    public void Anything_but_amqp_uris_is_refused_with_the_expected_form(string connectionString)
    {
        var error = Assert.Throws<FormatException>(() => RabbitMqConnectionString.Parse(connectionString));

        Assert.Contains("amqp://user:pass@host:port/vhost", error.Message, StringComparison.Ordinal);
    }
}
