namespace AutoReply.SmsSandbox;

/// <summary>The fault settings in force. A request reads them once, so a change never mixes two settings in one answer.</summary>
public sealed class ActiveFaults
{
    private FaultSettings _current = FaultSettings.None;

    public FaultSettings Current => Volatile.Read(ref _current);

    public void Apply(FaultSettings settings) => Volatile.Write(ref _current, settings);

    public void Clear() => Apply(FaultSettings.None);
}
