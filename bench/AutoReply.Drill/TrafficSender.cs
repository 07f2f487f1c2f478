using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace AutoReply.Drill;

/// <summary>
/// Posts the traffic to ingress on schedule, as a publishing service would: a refused post (503, a
/// dependency down; 409, the same id still being accepted) or a failed connection is posted again
/// until ingress accepts it, with the same event id and time. Records when each event id was accepted.
/// </summary>
public sealed class TrafficSender(HttpClient ingress)
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(3);
    private const int MostInFlight = 256;

    /// <summary>Event id → when ingress first accepted it.</summary>
    public ConcurrentDictionary<string, DateTimeOffset> Accepted { get; } = new();

    /// <summary>Events ingress never accepted within <see cref="GiveUpAfter"/>.</summary>
    public ConcurrentBag<string> Refused { get; } = [];

    public async Task RunAsync(Traffic traffic, CancellationToken cancellationToken)
    {
        using var inFlight = new SemaphoreSlim(MostInFlight);
        var clock = Stopwatch.StartNew();
        var occurredAt = new ConcurrentDictionary<string, DateTimeOffset>();
        var posts = new List<Task>(traffic.Events.Count);
        foreach (var planned in traffic.Events)
        {
            if (planned.At > clock.Elapsed)
            {
                await Task.Delay(planned.At - clock.Elapsed, cancellationToken);
            }
            await inFlight.WaitAsync(cancellationToken);
            posts.Add(PostAsync(planned, occurredAt.GetOrAdd(planned.Id, _ => DateTimeOffset.UtcNow), inFlight, cancellationToken));
        }
        await Task.WhenAll(posts);
    }

    private async Task PostAsync(PlannedEvent planned, DateTimeOffset occurredAt, SemaphoreSlim inFlight, CancellationToken cancellationToken)
    {
        try
        {
            var body = new
            {
                id = planned.Id,
                type = planned.Type,
                phoneNumber = planned.Pair.PhoneNumber,
                contact = planned.Pair.Contact,
                occurredAt,
                body = planned.Body,
            };
            var giveUp = Stopwatch.StartNew();
            while (giveUp.Elapsed < GiveUpAfter)
            {
                try
                {
                    using var response = await ingress.PostAsJsonAsync("/v1/events", body, cancellationToken);
                    if (response.StatusCode == HttpStatusCode.Accepted)
                    {
                        Accepted.TryAdd(planned.Id, DateTimeOffset.UtcNow);
                        return;
                    }
                    // 503: a dependency is down; 409: this id is still being accepted by an earlier post. Both say "retry".
                    if (response.StatusCode is not (HttpStatusCode.ServiceUnavailable or HttpStatusCode.Conflict))
                    {
                        throw new InvalidOperationException($"Ingress answered {(int)response.StatusCode} to event {planned.Id}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    // Ingress unreachable or not answering for a moment: post again, as for a 503.
                }
                await Task.Delay(RetryInterval, cancellationToken);
            }
            Refused.Add(planned.Id);
        }
        finally
        {
            inFlight.Release();
        }
    }
}
