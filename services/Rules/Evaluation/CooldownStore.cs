using StackExchange.Redis;

namespace AutoReply.Rules.Evaluation;

/// <summary>The per-contact cooldown: at most one auto-reply per number and contact per window.</summary>
public interface ICooldownStore
{
    /// <summary>
    /// Claims the contact's cooldown for <paramref name="eventId"/>. True when this event may reply:
    /// the cooldown was free, or this same event claimed it before (a redelivery after a crash).
    /// </summary>
    Task<bool> TryClaimAsync(string phoneNumber, string contact, string eventId, TimeSpan cooldown);
}

/// <summary>
/// The cooldown as one Redis key per number and contact, claimed atomically with a script, so that
/// twenty events for the same contact on twenty consumers produce one claim. The key holds the id
/// of the event that claimed it and expires when the cooldown ends.
/// </summary>
public sealed class RedisCooldownStore(IConnectionMultiplexer redis) : ICooldownStore
{
    private static readonly LuaScript Claim = LuaScript.Prepare("""
        if redis.call('SET', @key, @eventId, 'NX', 'PX', @cooldown) then
          return 1
        end
        if redis.call('GET', @key) == @eventId then
          return 1
        end
        return 0
        """);

    public async Task<bool> TryClaimAsync(string phoneNumber, string contact, string eventId, TimeSpan cooldown)
    {
        var claimed = await redis.GetDatabase().ScriptEvaluateAsync(Claim, new
        {
            key = (RedisKey)$"rules:cooldown:{phoneNumber}:{contact}",
            eventId,
            cooldown = (long)cooldown.TotalMilliseconds,
        });
        return (int)claimed == 1;
    }
}
