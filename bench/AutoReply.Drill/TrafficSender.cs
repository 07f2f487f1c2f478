using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace AutoReply.Drill;

/// <summary>
/// Posts the traffic to ingress on schedule, as a bulk publishing service would: what is due at a
/// moment goes in one <c>POST /v1/events/batch</c> of up to <see cref="PostBatchSize"/> events.
/// An item refused for now (503, a dependency down; 409, the same id still being accepted), or a
/// whole request that failed, is posted again until ingress accepts it, with the same event id and
/// time. Records when each event id was accepted.
/// </summary>
public sealed class TrafficSender(HttpClient ingress)
{
    /// <summary>The most events in one request: a few milliseconds of traffic at the rates the drill runs.</summary>
    public const int PostBatchSize = 100;

    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(3);
    private const int MostRequestsInFlight = 32;

    /// <summary>Event id → when ingress first accepted it.</summary>
    public ConcurrentDictionary<string, DateTimeOffset> Accepted { get; } = new();

    /// <summary>Events ingress never accepted within <see cref="GiveUpAfter"/>.</summary>
    public ConcurrentBag<string> Refused { get; } = [];

    public async Task RunAsync(Traffic traffic, CancellationToken cancellationToken)
    {
        using var inFlight = new SemaphoreSlim(MostRequestsInFlight);
        var clock = Stopwatch.StartNew();
        var occurredAt = new Dictionary<string, DateTimeOffset>();
        var posts = new List<Task>();
        var due = new List<EventPost>(PostBatchSize);

        async Task PostDueAsync()
        {
            await inFlight.WaitAsync(cancellationToken);
            posts.Add(PostAsync([.. due], inFlight, cancellationToken));
            due.Clear();
        }

        foreach (var planned in traffic.Events)
        {
            if (planned.At > clock.Elapsed)
            {
                if (due.Count > 0)
                {
                    await PostDueAsync();
                }
                if (planned.At - clock.Elapsed is { Ticks: > 0 } wait)
                {
                    await Task.Delay(wait, cancellationToken);
                }
            }
            // A repeated event id is the same event again: same time, same content.
            var at = occurredAt.TryGetValue(planned.Id, out var first) ? first : occurredAt[planned.Id] = DateTimeOffset.UtcNow;
            due.Add(new EventPost(planned.Id, planned.Type, planned.Pair.PhoneNumber, planned.Pair.Contact, at, planned.Body));
            if (due.Count == PostBatchSize)
            {
                await PostDueAsync();
            }
        }
        if (due.Count > 0)
        {
            await PostDueAsync();
        }
        await Task.WhenAll(posts);
    }

    private async Task PostAsync(IReadOnlyList<EventPost> events, SemaphoreSlim inFlight, CancellationToken cancellationToken)
    {
        try
        {
            var unaccepted = events;
            var giveUp = Stopwatch.StartNew();
            while (unaccepted.Count > 0 && giveUp.Elapsed < GiveUpAfter)
            {
                try
                {
                    using var response = await ingress.PostAsJsonAsync("/v1/events/batch", unaccepted, cancellationToken);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        throw new InvalidOperationException($"Ingress answered {(int)response.StatusCode} to a batch: {await response.Content.ReadAsStringAsync(cancellationToken)}");
                    }
                    var results = await response.Content.ReadFromJsonAsync<ItemResult[]>(cancellationToken) ?? [];
                    var now = DateTimeOffset.UtcNow;
                    var retry = new List<EventPost>();
                    for (var i = 0; i < results.Length; i++)
                    {
                        switch (results[i].Status)
                        {
                            case (int)HttpStatusCode.Accepted:
                                Accepted.TryAdd(results[i].Id!, now);
                                break;
                            // 503: a dependency is down; 409: this id is still being accepted by an earlier post. Both say "retry".
                            case (int)HttpStatusCode.ServiceUnavailable or (int)HttpStatusCode.Conflict:
                                retry.Add(unaccepted[i]);
                                break;
                            default:
                                throw new InvalidOperationException($"Ingress answered {results[i].Status} to event {results[i].Id}.");
                        }
                    }
                    unaccepted = retry;
                }
                catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    // Ingress unreachable or not answering for a moment: post the same events again.
                }
                if (unaccepted.Count > 0)
                {
                    await Task.Delay(RetryInterval, cancellationToken);
                }
            }
            foreach (var item in unaccepted)
            {
                Refused.Add(item.Id);
            }
        }
        finally
        {
            inFlight.Release();
        }
    }

    /// <summary>An event as <c>POST /v1/events</c> takes it (docs/http-api.md).</summary>
    private sealed record EventPost(string Id, string Type, string PhoneNumber, string Contact, DateTimeOffset OccurredAt, string? Body);

    private sealed record ItemResult(string? Id, int Status);
}
