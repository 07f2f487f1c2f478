using AutoReply.ServiceDefaults.Messaging;

namespace AutoReply.Rules.Evaluation;

/// <summary>
/// Events are evaluated 16 at a time per replica: each waits mostly on PostgreSQL and Redis, and one
/// contact's events are kept apart by the cooldown claim and the decision's unique event id, not by order.
/// </summary>
public sealed class CommunicationEventConsumerDefinition() : ConsumerPolicy<CommunicationEventConsumer>(Queue, concurrentMessageLimit: 16)
{
    public const string Queue = "communication-event";
}
