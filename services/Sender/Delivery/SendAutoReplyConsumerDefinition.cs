using AutoReply.Contracts.Commands;
using AutoReply.ServiceDefaults.Messaging;

namespace AutoReply.Sender.Delivery;

/// <summary>
/// Sends go out 8 at a time per replica, on the queue rules sends its commands to: each holds a
/// provider call of up to a minute (rate-limit wait and timeouts), and the provider's own rate
/// limit, not this one, bounds the texts per number.
/// </summary>
public sealed class SendAutoReplyConsumerDefinition() : ConsumerPolicy<SendAutoReplyConsumer>(Queues.SendAutoReply, concurrentMessageLimit: 8);
