using AutoReply.Messaging;

namespace AutoReply.UnitTests.ServiceDefaults;

public sealed class RabbitMqConnectionStringTests
{
    [Fact]
    public void Aspire_style_connection_string_gives_host_port_vhost_and_credentials()
    {
        var parsed = RabbitMqConnectionString.Parse("amqp://auto%40reply:p%3Ass@rabbit.local:5673/prod%2Fa");

        Assert.Equal(new RabbitMqConnectionString("rabbit.local", 5673, "prod/a", "auto@reply", "p:ss"), parsed);
    }

    [Fact]
    public void Missing_port_vhost_and_credentials_take_rabbitmq_defaults()
    {
        Assert.Equal(new RabbitMqConnectionString("localhost", 5672, "/", "guest", "guest"), RabbitMqConnectionString.Parse("amqp://localhost"));
    }

    [Theory]
    [InlineData("localhost:5672")]
    [InlineData("http://localhost:5672/")]
    public void Anything_but_an_amqp_uri_is_refused_with_the_expected_form(string connectionString)
    {
        var error = Assert.Throws<FormatException>(() => RabbitMqConnectionString.Parse(connectionString));

        Assert.Contains("amqp://user:pass@host:port/vhost", error.Message, StringComparison.Ordinal);
    }
}
