using Microsoft.Extensions.Options;

namespace AutoReply.SmsSandbox;

/// <summary>The sandbox's side of a send, bound with <c>[AsParameters]</c>: its store of texts, the faults in force, the status callbacks, the clock and the account.</summary>
public sealed record SandboxProvider(MessageStore Store, ActiveFaults Faults, StatusCallbackDispatcher Callbacks, TimeProvider Clock, IOptions<SandboxOptions> Options);
