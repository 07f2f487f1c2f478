namespace AutoReply.Messaging;

/// <summary>
/// The RabbitMQ connection string as an Aspire AppHost hands it over:
/// <c>amqp://user:pass@host:port/vhost</c>.
/// </summary>
public sealed record RabbitMqConnectionString(string Host, ushort Port, string VirtualHost, string UserName, string Password)
{
    private const ushort DefaultPort = 5672;

    public static RabbitMqConnectionString Parse(string connectionString)
    {
        if (!Uri.TryCreate(connectionString, UriKind.Absolute, out var uri) || (uri.Scheme != "amqp" && uri.Scheme != "amqps"))
        {
            throw new FormatException("The RabbitMQ connection string must read amqp://user:pass@host:port/vhost.");
        }

        var credentials = uri.UserInfo.Split(':', 2);
        var userName = credentials[0].Length > 0 ? Uri.UnescapeDataString(credentials[0]) : "guest";
        var password = credentials.Length > 1 ? Uri.UnescapeDataString(credentials[1]) : "guest";
        var path = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        return new RabbitMqConnectionString(
            uri.Host,
            uri.IsDefaultPort || uri.Port < 0 ? DefaultPort : (ushort)uri.Port,
            path.Length == 0 ? "/" : path,
            userName,
            password);
    }
}
