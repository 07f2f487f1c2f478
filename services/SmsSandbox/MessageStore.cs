namespace AutoReply.SmsSandbox;

/// <summary>
/// The messages the sandbox accepted, in memory. It keeps the newest <see cref="Capacity"/> so a
/// sandbox left running under a load drill does not grow without bound.
/// </summary>
public sealed class MessageStore
{
    public const int Capacity = 10_000;

    private readonly Lock _gate = new();
    private readonly List<string> _sidsOldestFirst = [];
    private readonly Dictionary<string, SandboxMessage> _bySid = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _sidByIdempotencyKey = new(StringComparer.Ordinal);

    /// <summary>
    /// Stores <paramref name="message"/> unless a message with the same idempotency key is already
    /// stored; <paramref name="stored"/> is then that first message and nothing changes.
    /// </summary>
    public bool TryAdd(SandboxMessage message, out SandboxMessage stored)
    {
        lock (_gate)
        {
            if (message.IdempotencyKey is { } key && _sidByIdempotencyKey.TryGetValue(key, out var firstSid))
            {
                stored = _bySid[firstSid] with { RepeatedCreates = _bySid[firstSid].RepeatedCreates + 1 };
                _bySid[firstSid] = stored;
                return false;
            }

            _bySid.Add(message.Sid, message);
            _sidsOldestFirst.Add(message.Sid);
            if (message.IdempotencyKey is { } newKey)
            {
                _sidByIdempotencyKey.Add(newKey, message.Sid);
            }
            if (_sidsOldestFirst.Count > Capacity)
            {
                EvictOldest();
            }
            stored = message;
            return true;
        }
    }

    public SandboxMessage? Find(string sid)
    {
        lock (_gate)
        {
            return _bySid.GetValueOrDefault(sid);
        }
    }

    /// <summary>Up to <paramref name="limit"/> messages, newest first, to and from the given numbers when given.</summary>
    public IReadOnlyList<SandboxMessage> Newest(int limit, string? to = null, string? from = null)
    {
        lock (_gate)
        {
            var found = new List<SandboxMessage>(Math.Min(limit, _sidsOldestFirst.Count));
            for (var i = _sidsOldestFirst.Count - 1; i >= 0 && found.Count < limit; i--)
            {
                var message = _bySid[_sidsOldestFirst[i]];
                if ((to is null || message.To == to) && (from is null || message.From == from))
                {
                    found.Add(message);
                }
            }
            return found;
        }
    }

    /// <summary>Moves a message to <paramref name="status"/>; null when it is no longer stored.</summary>
    public SandboxMessage? Advance(string sid, string status, int? errorCode, DateTimeOffset at)
    {
        lock (_gate)
        {
            if (!_bySid.TryGetValue(sid, out var message))
            {
                return null;
            }
            var advanced = message with { Status = status, ErrorCode = errorCode, DateUpdated = at };
            _bySid[sid] = advanced;
            return advanced;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _sidsOldestFirst.Clear();
            _bySid.Clear();
            _sidByIdempotencyKey.Clear();
        }
    }

    private void EvictOldest()
    {
        var oldest = _bySid[_sidsOldestFirst[0]];
        _sidsOldestFirst.RemoveAt(0);
        _bySid.Remove(oldest.Sid);
        if (oldest.IdempotencyKey is { } key)
        {
            _sidByIdempotencyKey.Remove(key);
        }
    }
}
