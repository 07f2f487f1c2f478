using AutoReply.Contracts.Events;
using MassTransit;
using MassTransit.Testing;

namespace AutoReply.UnitTests.Consumers;

/// <summary>
/// What the specs read off the test harness. Waiting is the harness's own (its awaitable <c>Any</c>);
/// what a consumer sent or published is on record once the harness has seen it consume.
/// </summary>
internal static class HarnessExpectations
{
    private static readonly CancellationToken NoWaiting = new(canceled: true);

    /// <summary>Waits until a matching message has been consumed, and fails if its consumer threw.</summary>
    public static async Task<T> ConsumedAsync<T>(this ITestHarness harness, Func<T, bool> match)
        where T : class
    {
        Assert.True(await harness.Consumed.Any<T>(consumed => match(consumed.Context.Message), TestContext.Current.CancellationToken));
        var consumed = harness.Consumed.Select<T>(consumed => match(consumed.Context.Message), NoWaiting).First();
        Assert.Null(consumed.Exception);
        return consumed.Context.Message;
    }

    /// <summary>Waits until the message published or sent with <paramref name="messageId"/> has been consumed, and fails if its consumer threw.</summary>
    public static async Task ConsumedAsync<T>(this ITestHarness harness, Guid messageId)
        where T : class
    {
        Assert.True(await harness.Consumed.Any<T>(consumed => consumed.Context.MessageId == messageId, TestContext.Current.CancellationToken));
        Assert.Null(harness.Consumed.Select<T>(consumed => consumed.Context.MessageId == messageId, NoWaiting).First().Exception);
    }

    /// <summary>Publishes <paramref name="message"/> as a delivery of its own, told apart by the message id returned.</summary>
    public static async Task<Guid> PublishAsync<T>(this ITestHarness harness, T message)
        where T : class
    {
        var messageId = NewId.NextGuid();
        await harness.Bus.Publish(message, (PublishContext<T> context) => context.MessageId = messageId, TestContext.Current.CancellationToken);
        return messageId;
    }

    /// <summary>Publishes <paramref name="message"/> as ingress does for an event a workspace's key submitted.</summary>
    public static async Task<Guid> PublishSubmittedAsync<T>(this ITestHarness harness, T message, Guid workspaceId)
        where T : class
    {
        var messageId = NewId.NextGuid();
        await harness.Bus.Publish(message, (PublishContext<T> context) =>
        {
            context.MessageId = messageId;
            context.Headers.Set(EventHeaders.Workspace, workspaceId.ToString());
        }, TestContext.Current.CancellationToken);
        return messageId;
    }

    /// <summary>Sends <paramref name="message"/> to <paramref name="queue"/> as a delivery of its own, told apart by the message id returned.</summary>
    public static async Task<Guid> SendAsync<T>(this ITestHarness harness, Uri queue, T message)
        where T : class
    {
        var messageId = NewId.NextGuid();
        var endpoint = await harness.Bus.GetSendEndpoint(queue);
        await endpoint.Send(message, (SendContext<T> context) => context.MessageId = messageId, TestContext.Current.CancellationToken);
        return messageId;
    }

    /// <summary>Waits until a matching message has been published.</summary>
    public static async Task<T> PublishedAsync<T>(this ITestHarness harness, Func<T, bool> match)
        where T : class
    {
        Assert.True(await harness.Published.Any<T>(published => match(published.Context.Message), TestContext.Current.CancellationToken));
        return harness.Published.Select<T>(published => match(published.Context.Message), NoWaiting).First().Context.Message;
    }

    /// <summary>Waits until a matching message has been sent, and returns it with where it went.</summary>
    public static async Task<ISentMessage<T>> SentAsync<T>(this ITestHarness harness, Func<T, bool> match)
        where T : class
    {
        Assert.True(await harness.Sent.Any<T>(sent => match(sent.Context.Message), TestContext.Current.CancellationToken));
        return harness.Sent.Select<T>(sent => match(sent.Context.Message), NoWaiting).First();
    }

    /// <summary>The messages of type <typeparamref name="T"/> sent so far, without waiting for more.</summary>
    public static IReadOnlyList<T> SentSoFar<T>(this ITestHarness harness)
        where T : class =>
        [.. harness.Sent.Select<T>(NoWaiting).Select(sent => sent.Context.Message)];

    /// <summary>The messages of type <typeparamref name="T"/> published so far, without waiting for more.</summary>
    public static IReadOnlyList<T> PublishedSoFar<T>(this ITestHarness harness)
        where T : class =>
        [.. harness.Published.Select<T>(NoWaiting).Select(published => published.Context.Message)];

    /// <summary>The queue a sent message went to, by its name.</summary>
    public static string QueueName(this ISentMessage sent) => sent.Context.DestinationAddress!.AbsolutePath.Trim('/');
}
