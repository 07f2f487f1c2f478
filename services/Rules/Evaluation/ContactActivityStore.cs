using StackExchange.Redis;

namespace AutoReply.Rules.Evaluation;

/// <summary>When a business last called or texted a contact by hand.</summary>
public interface IContactActivityStore
{
    Task RecordOutboundAsync(string phoneNumber, string contact, DateTimeOffset occurredAt);

    Task<DateTimeOffset?> LastOutboundAsync(string phoneNumber, string contact);
}

/// <summary>
/// Keeps the latest outbound activity per number and contact in Redis. Events can arrive out of
/// order, so a write only ever moves the timestamp forward.
/// </summary>
public sealed class RedisContactActivityStore(IConnectionMultiplexer redis) : IContactActivityStore
{
    /// <summary>The longest recent-activity window a number may set; older activity can never matter.</summary>
    private static readonly TimeSpan Retention = Numbers.NumberSettingsValidator.MaxWindow;

    private static readonly LuaScript KeepLatest = LuaScript.Prepare("""
        local current = tonumber(redis.call('GET', @key))
        if current == nil or current < tonumber(@at) then
          redis.call('SET', @key, @at, 'PX', @retention)
        end
        return 1
        """);

    public Task RecordOutboundAsync(string phoneNumber, string contact, DateTimeOffset occurredAt) =>
        redis.GetDatabase().ScriptEvaluateAsync(KeepLatest, new
        {
            key = Key(phoneNumber, contact),
            at = occurredAt.ToUnixTimeMilliseconds(),
            retention = (long)Retention.TotalMilliseconds,
        });

    public async Task<DateTimeOffset?> LastOutboundAsync(string phoneNumber, string contact)
    {
        var value = await redis.GetDatabase().StringGetAsync(Key(phoneNumber, contact));
        return value.TryParse(out long milliseconds) ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds) : null;
    }

    private static RedisKey Key(string phoneNumber, string contact) => $"rules:activity:{phoneNumber}:{contact}";
}
