using AutoReply.Web.Components.Activity;
using AutoReply.Web.Localization;
using AutoReply.Web.Rules;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace AutoReply.Web.Activity;

public static class ActivityLiveEndpoint
{
    private const string Route = $"/w/{{{PersonTokenHandler.WorkspaceRouteValue}:guid}}/activity/live";

    /// <summary>The live endpoint for Activity's newest page with these filters.</summary>
    public static string Path(Guid workspaceId, string? contact, string? eventId) =>
        $"w/{workspaceId}/activity/live?contact={Uri.EscapeDataString(contact ?? "")}&eventId={Uri.EscapeDataString(eventId ?? "")}";

    /// <summary>
    /// <c>GET /w/{workspaceId}/activity/live?contact=&amp;eventId=&amp;since=&amp;newest=</c>: polled by
    /// wwwroot/activity-live.js while Activity's newest page is open. 204 while what the page shows
    /// (<c>since</c>, its fingerprint) is still so: one read of the newest decisions, nothing more.
    /// Otherwise the list as the page renders it, with how many decisions are new since <c>newest</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapActivityLive(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Route, async Task<Results<NoContent, RazorComponentResult<DecisionList>, ValidationProblem>> (
                [FromQuery] string? contact, [FromQuery] string? eventId, [FromQuery] string? since, [FromQuery] Guid? newest,
                RulesClient rules, IStringLocalizer<Text> t) =>
            {
                var answer = await rules.DecisionsAsync(contact?.Trim(), eventId?.Trim(), ActivityView.PageSize + 1, 0, CancellationToken.None);
                if (answer.Value is not { } found)
                {
                    return TypedResults.ValidationProblem(answer.Problem!.Errors.ToDictionary());
                }
                if (ActivityView.FingerprintOf(found.Take(ActivityView.PageSize)) == since)
                {
                    return TypedResults.NoContent();
                }
                var view = await ActivityView.ShowAsync(rules, t, found);
                var added = view.Decisions.TakeWhile(decision => decision.Id != newest).Count();
                var announcement = added == 0 ? t["Activity.Live.Updated"]
                    : added == view.Decisions.Count && newest is not null ? t["Activity.Live.Many", added]
                    : added == 1 ? t["Activity.Live.One"]
                    : t["Activity.Live.New", added];
                return new RazorComponentResult<DecisionList>(new { View = view, Announcement = announcement.Value });
            })
            .RequireAuthorization();
        return routes;
    }
}
