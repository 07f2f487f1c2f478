using System.Reflection;
using AutoReply.Ingress;
using AutoReply.Sender;
using AutoReply.Messaging;
using MassTransit;
using AutoReply.Rules;

namespace AutoReply.UnitTests.Messaging;

/// <summary>Every consumer's endpoint policy is declared beside it, and the bus has no policy of its own to fall back on.</summary>
public sealed class ConsumerPolicyTests
{
    private static readonly Assembly[] Services = [typeof(IngressRegistration).Assembly, typeof(EngineRegistration).Assembly, typeof(SenderRegistration).Assembly];

    [Fact]
    public void Every_consumer_has_a_definition_that_declares_its_endpoint_policy()
    {
        var types = Services.SelectMany(assembly => assembly.GetTypes()).ToList();
        var consumers = types.Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IConsumer).IsAssignableFrom(type));
        var defined = types
            .Select(PolicyOf)
            .OfType<Type>()
            .Select(policy => policy.GetGenericArguments()[0])
            .ToHashSet();

        Assert.Empty(consumers.Where(consumer => !defined.Contains(consumer)).Select(consumer => consumer.Name));
    }

    /// <summary>The <c>ConsumerPolicy&lt;T&gt;</c> a definition derives from, directly or through a batch policy.</summary>
    private static Type? PolicyOf(Type type)
    {
        for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
        {
            if (baseType.IsGenericType && baseType.GetGenericTypeDefinition() == typeof(ConsumerPolicy<>))
            {
                return baseType;
            }
        }
        return null;
    }

    [Fact]
    public void Every_consumer_endpoint_has_its_own_queue_and_a_concurrency_limit()
    {
        var definitions = Services.SelectMany(assembly => assembly.GetTypes())
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IConsumerDefinition).IsAssignableFrom(type))
            .Select(type => (IConsumerDefinition)Activator.CreateInstance(type)!)
            .ToList();

        var queues = definitions.Select(definition => definition.GetEndpointName(DefaultEndpointNameFormatter.Instance)).ToList();
        Assert.Equal(queues.Count, queues.Distinct(StringComparer.Ordinal).Count());
        // A batch consumer holds all its batches' messages at once: a few hundred, never unbounded.
        Assert.All(definitions, definition => Assert.InRange(definition.ConcurrentMessageLimit ?? 0, 1, 500));
    }
}
