using AutoReply.Messaging;

namespace AutoReply.Rules.Evaluation;

/// <summary>
/// Events are evaluated in batches of up to <see cref="BatchSize"/> of one type, gathered for at most
/// <see cref="BatchWindow"/>, <see cref="ConcurrentBatches"/> batches of a type at once per replica,
/// handed to <see cref="GroupCommit"/>, which decides the batches waiting together: a group costs
/// about as many round trips as one event, so the cost per event falls as load rises, while a lone
/// event waits no longer than the window. One contact's events are kept apart by the cooldown claim
/// and the decision's unique event id, not by order.
/// </summary>
public sealed class CommunicationEventConsumerDefinition()
    : BatchConsumerPolicy<CommunicationEventConsumer>(Queue, BatchSize, BatchWindow, ConcurrentBatches)
{
    public const string Queue = "communication-event";

    public const int BatchSize = 100;

    public const int ConcurrentBatches = 4;

    public static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(20);
}
