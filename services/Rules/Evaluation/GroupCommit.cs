using System.Diagnostics;
using System.Threading.Channels;
using AutoReply.Domain.Policy;

namespace AutoReply.Rules.Evaluation;

/// <summary>
/// Decides a replica's batches one group at a time: the batches handed in while a group is being
/// decided wait, and are decided together next, in one transaction. Under load a group is as large
/// as what arrived meanwhile, so the round trips and the locks are paid once for all of it; idle, a
/// batch is decided as soon as it comes. The bus's batches alone cannot do this: MassTransit closes
/// a batch on its time limit whether or not it can run, and keeps each message type apart, so under
/// load many small batches ran at once and queued behind each other's row locks (the contacts'
/// cooldowns, the day's budgets).
/// </summary>
public sealed partial class GroupCommit(IServiceScopeFactory scopes, ILogger<GroupCommit> logger) : BackgroundService
{
    public static readonly ActivitySource Source = new("AutoReply.Rules.Evaluation");

    /// <summary>A group stops taking batches past this many events; the rest wait for the next one.</summary>
    public const int MaxGroupEvents = 1_000;

    private readonly Channel<Handed> handed = Channel.CreateUnbounded<Handed>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Decides <paramref name="events"/> in the next group; completes once their decisions are committed, or fails as their group did.</summary>
    public async Task EvaluateAsync(IReadOnlyCollection<InboundEvent> events, CancellationToken cancellationToken)
    {
        var batch = new Handed(events, Activity.Current?.Context ?? default);
        await handed.Writer.WriteAsync(batch, cancellationToken);
        await batch.Decided.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        List<Handed> group = [];
        try
        {
            while (await handed.Reader.WaitToReadAsync(stoppingToken))
            {
                var events = 0;
                while (events < MaxGroupEvents && handed.Reader.TryRead(out var batch))
                {
                    group.Add(batch);
                    events += batch.Events.Count;
                }
                await DecideAsync(group, stoppingToken);
                group.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            // Stopping: what was not decided is not acknowledged either, and comes back from the broker.
            handed.Writer.TryComplete();
            group.ForEach(batch => batch.Decided.TrySetCanceled(stoppingToken));
            while (handed.Reader.TryRead(out var batch))
            {
                batch.Decided.TrySetCanceled(stoppingToken);
            }
        }
    }

    /// <summary>
    /// One transaction for the whole group. When it fails for anything but an outage, each batch is
    /// decided alone, so that one bad event fails only its own batch, as without grouping.
    /// </summary>
    private async Task DecideAsync(List<Handed> group, CancellationToken cancellationToken)
    {
        try
        {
            await DecideTogetherAsync(group, cancellationToken);
            group.ForEach(batch => batch.Decided.TrySetResult());
        }
        catch (Exception ex) when (group.Count > 1 && !ex.IsDatabaseOutage() && !cancellationToken.IsCancellationRequested)
        {
            LogDecidingApart(logger, group.Count, ex);
            foreach (var batch in group)
            {
                await DecideAloneAsync(batch, cancellationToken);
            }
        }
        catch (Exception ex)
        {
            group.ForEach(batch => batch.Decided.TrySetException(ex));
        }
    }

    private async Task DecideAloneAsync(Handed batch, CancellationToken cancellationToken)
    {
        try
        {
            await DecideTogetherAsync([batch], cancellationToken);
            batch.Decided.TrySetResult();
        }
        catch (Exception ex)
        {
            batch.Decided.TrySetException(ex);
        }
    }

    /// <summary>Traced under the first batch's consume, linked to the others', so each event's trace shows its evaluation.</summary>
    private async Task DecideTogetherAsync(List<Handed> group, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity(
            "Evaluate events",
            ActivityKind.Internal,
            group[0].Consumed,
            links: [.. group.Skip(1).Where(b => b.Consumed != default).Select(b => new ActivityLink(b.Consumed))]);
        List<InboundEvent> events = [.. group.SelectMany(b => b.Events)];
        activity?.SetTag("autoreply.evaluation.events", events.Count);
        activity?.SetTag("autoreply.evaluation.batches", group.Count);
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AutoReplyEvaluator>().EvaluateAsync(events, cancellationToken);
    }

    private sealed record Handed(IReadOnlyCollection<InboundEvent> Events, ActivityContext Consumed)
    {
        public TaskCompletionSource Decided { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A group of {Batches} batches could not be decided together; deciding each alone")]
    private static partial void LogDecidingApart(ILogger logger, int batches, Exception exception);
}
