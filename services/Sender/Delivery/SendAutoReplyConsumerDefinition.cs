using AutoReply.Contracts.Commands;
using AutoReply.Messaging;

namespace AutoReply.Sender.Delivery;

/// <summary>
/// Sends go out 100 at a time per replica, on the queue rules sends its commands to. A send spends
/// most of its time waiting for its number's turn (the provider's limit of one text per second per
/// number, <c>Provider__MessagesPerSecondPerNumber</c>), holding its slot while it waits: with few
/// slots, a burst of replies from one number held up every other number's (8 slots sent about
/// 8 texts a second in all).
/// </summary>
public sealed class SendAutoReplyConsumerDefinition() : ConsumerPolicy<SendAutoReplyConsumer>(Queues.SendAutoReply, concurrentMessageLimit: 100);
