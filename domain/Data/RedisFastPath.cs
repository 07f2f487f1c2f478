using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace AutoReply.Domain.Data;

/// <summary>
/// Redis in front of PostgreSQL for the facts PostgreSQL holds (cooldowns, recent activity): a
/// command that fails is logged and answered as "Redis does not know", so Redis down costs speed,
/// never a decision.
/// </summary>
public sealed partial class RedisFastPath(IConnectionMultiplexer redis, ILogger<RedisFastPath> logger)
{
    /// <summary>Runs <paramref name="command"/>; <c>default</c> when Redis does not answer.</summary>
    public async Task<T?> TryAsync<T>(Func<IDatabase, Task<T>> command)
    {
        try
        {
            return await command(redis.GetDatabase());
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            LogUnavailable(logger, ex);
            return default;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unavailable; cooldowns and recent activity are answered by PostgreSQL alone")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);
}
