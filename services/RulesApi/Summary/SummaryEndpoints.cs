using System.Globalization;
using AutoReply.Contracts;
using AutoReply.Domain.Data;
using AutoReply.Domain.Decisions;
using AutoReply.RulesApi.Numbers;
using AutoReply.RulesApi.Workspaces;
using AutoReply.Security;
using AutoReply.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace AutoReply.RulesApi.Summary;

/// <summary>The calls, voicemails and texts a number (or the workspace) received one day.</summary>
public sealed record ReceivedCounts(int MissedCalls, int Voicemails, int Texts);

/// <summary>
/// The replies to that day's events: sent (handed to the sender), of those delivered, and still waiting
/// for their delay to end.
/// </summary>
public sealed record ReplyCounts(int Sent, int Delivered, int Scheduled);

/// <summary>How many of a day's events got no reply for one reason (suppressed, or cancelled at their due time).</summary>
public sealed record ReasonCount(SuppressionReason Reason, int Count);

/// <summary>One local day: its date, what came in, what went out, and what did not go out and why (most first).</summary>
public sealed record DaySummary(string Date, ReceivedCounts Received, ReplyCounts Replies, IReadOnlyList<ReasonCount> NotSent);

/// <summary>The last days, oldest first and today last, as local days in <paramref name="TimeZone"/>.</summary>
public sealed record ActivitySummary(string? PhoneNumber, string TimeZone, IReadOnlyList<DaySummary> Days) : IOpenApiExample<ActivitySummary>
{
    public static ActivitySummary Example => new("+14155550100", "America/Los_Angeles",
    [
        new("2026-11-23", new(4, 1, 2), new(5, 5, 0), [new(SuppressionReason.Cooldown, 1), new(SuppressionReason.RecentActivity, 1)]),
        new("2026-11-24", new(2, 0, 1), new(2, 1, 1), []),
    ]);
}

/// <summary>
/// <c>GET /v1/summary</c> (docs/http-api.md): per day, a number's or the whole workspace's events, replies
/// and reasons for none, added up from the hourly <see cref="DecisionCount"/>s: a few rows per hour
/// whatever the number of decisions.
/// </summary>
public static class SummaryEndpoints
{
    public static IEndpointRouteBuilder MapSummaryEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/summary", SummaryAsync).WithTags("Summary")
            .WithSummary("Per day, the calls, voicemails and texts received, the replies sent and delivered, and the ones not sent by reason: of phoneNumber, or of the whole workspace")
            .RequireScope(ApiScopes.ConfigRead)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Results<Ok<ActivitySummary>, ValidationProblem, ProblemHttpResult>> SummaryAsync(
        [AsParameters] SummaryQuery query, SummaryQueryValidator validator, RulesDbContext db, TimeProvider clock, [AsParameters] Caller caller)
    {
        var validated = validator.Validate(query);
        if (!validated.IsValid)
        {
            return Problems.Invalid(validated.Errors);
        }
        var ((phoneNumber, days, timeZone), (user, cancellationToken)) = (query, caller);
        phoneNumber = string.IsNullOrEmpty(phoneNumber) ? null : phoneNumber;

        if (phoneNumber is not null)
        {
            var numberZone = await db.Numbers.InWorkspaceOf(user).Where(n => n.PhoneNumber == phoneNumber).Select(n => n.TimeZone).SingleOrDefaultAsync(cancellationToken);
            if (numberZone is null)
            {
                return NumberEndpoints.NumberNotFound(phoneNumber);
            }
            timeZone ??= numberZone;
        }
        timeZone ??= "UTC";
        var zone = DateTimeZoneProviders.Tzdb[timeZone];

        var today = Instant.FromDateTimeOffset(clock.GetUtcNow()).InZone(zone).Date;
        var first = today.PlusDays(1 - days);
        var from = zone.AtStartOfDay(first).ToDateTimeOffset().ToUniversalTime();
        var workspaceId = user.RequiredWorkspaceId();
        var hours = await db.DecisionCounts.AsNoTracking()
            .Where(c => c.WorkspaceId == workspaceId && (phoneNumber == null || c.PhoneNumber == phoneNumber) && c.Hour >= from)
            .GroupBy(c => new { c.Hour, c.EventType, c.Outcome, c.Reason })
            .Select(g => new { g.Key.Hour, g.Key.EventType, g.Key.Outcome, g.Key.Reason, Count = g.Sum(c => c.Count), Delivered = g.Sum(c => c.Delivered) })
            .ToListAsync(cancellationToken);

        // An hour counts for the local day it starts in: in a zone with a half-hour offset, the events of
        // the half hour after midnight count for the day before.
        var byDay = hours.ToLookup(h => Instant.FromDateTimeOffset(h.Hour).InZone(zone).Date);
        List<DaySummary> summary = [];
        for (var day = first; day <= today; day = day.PlusDays(1))
        {
            var counts = byDay[day].ToList();
            int Received(EventType type) => counts.Where(c => c.EventType == type).Sum(c => c.Count);
            int Replies(Outcome outcome) => counts.Where(c => c.Outcome == outcome).Sum(c => c.Count);
            summary.Add(new DaySummary(
                day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                new ReceivedCounts(Received(EventType.CallMissed), Received(EventType.VoicemailReceived), Received(EventType.MessageReceived)),
                new ReplyCounts(Replies(Outcome.Sent), counts.Sum(c => c.Delivered), Replies(Outcome.Scheduled)),
                [.. counts
                    .Where(c => c.Outcome is Outcome.Suppressed or Outcome.Cancelled && c.Reason != DecisionCount.NoReason)
                    .GroupBy(c => Vocabulary.Parse<SuppressionReason>(c.Reason))
                    .Select(g => new ReasonCount(g.Key, g.Sum(c => c.Count)))
                    .Where(r => r.Count > 0)
                    .OrderByDescending(r => r.Count).ThenBy(r => r.Reason)]));
        }
        return TypedResults.Ok(new ActivitySummary(phoneNumber, timeZone, summary));
    }
}
