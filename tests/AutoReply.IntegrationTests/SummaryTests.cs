using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoReply.Contracts;
using AutoReply.Contracts.Events;
using AutoReply.IntegrationTests.Infrastructure;
using AutoReply.RulesApi.Summary;

namespace AutoReply.IntegrationTests;

/// <summary>
/// <c>GET /v1/summary</c> against the real RabbitMQ, Redis and PostgreSQL: events decided by the rules
/// service, replies settled and delivered, added up per day in the number's time zone.
/// </summary>
public sealed class SummaryTests(RealServers servers) : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> QuickLook = new() { ["Scheduling:PollInterval"] = "00:00:00.200" };

    private readonly RulesOnTheBus rules = new(servers, QuickLook);
    private WorkspacesApi workspaces = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private TestBus<SendStateChanged> Bus => rules.Bus;

    public async ValueTask InitializeAsync()
    {
        await rules.InitializeAsync();
        workspaces = new WorkspacesApi(rules.Service.Api.CreateClient);
    }

    public ValueTask DisposeAsync() => rules.DisposeAsync();

    [Fact]
    public async Task The_summary_counts_a_number_s_events_replies_and_reasons_per_day()
    {
        // A workspace of its own, so that its whole summary is this number's.
        var (_, key) = await workspaces.CreateWorkspaceWithKeyAsync("Summary workspace");
        var api = new RulesApiClient(workspaces.Client(key.Key));
        var number = TestData.PhoneNumber();
        await api.PutNumberAsync(number, TestData.AlwaysOpen("Summary Dental"));
        await api.CreateAutoReplyAsync(number, "missed_call", "business_hours", "Sorry we missed you!");
        await api.CreateAutoReplyAsync(number, "message", "business_hours", "Thanks for your text.");
        await api.CreateAutoReplyAsync(number, "voicemail", "business_hours", "Thanks for your voicemail.", delay: "PT1S");
        var (repeated, answered, stopped, waited, late) = (TestData.PhoneNumber(), TestData.PhoneNumber(), TestData.PhoneNumber(), TestData.PhoneNumber(), TestData.PhoneNumber());

        await Bus.PublishAsync(new CallMissed(TestData.EventId(), number, repeated, DateTimeOffset.UtcNow));
        var sent = Assert.Single(await api.DecisionsWhenAsync(repeated, 1));
        await Bus.PublishAsync(new SendStateChanged(sent.Id, DeliveryState.Delivered, "SM-summary", null, null, DateTimeOffset.UtcNow));
        await Bus.PublishAsync(new VoicemailReceived(TestData.EventId(), number, repeated, DateTimeOffset.UtcNow));
        await Bus.PublishAsync(new CallPlaced(TestData.EventId(), number, answered, DateTimeOffset.UtcNow.AddMinutes(-5)));
        await rules.OutboundActivityRecordedAsync(number, answered);
        await Bus.PublishAsync(new MessageReceived(TestData.EventId(), number, answered, DateTimeOffset.UtcNow, "Are you open?"));
        await Bus.PublishAsync(new MessageReceived(TestData.EventId(), number, stopped, DateTimeOffset.UtcNow, "STOP"));
        await api.DecisionsWhenAsync(stopped, 1);
        await Bus.PublishAsync(new CallMissed(TestData.EventId(), number, stopped, DateTimeOffset.UtcNow));
        await Bus.PublishAsync(new VoicemailReceived(TestData.EventId(), number, waited, DateTimeOffset.UtcNow));
        await Bus.PublishAsync(new CallMissed(TestData.EventId(), number, late, DateTimeOffset.UtcNow.AddDays(-1)));

        var summary = await Eventually.ReadAsync(
            () => api.SummaryAsync(number),
            s => s.Days.Sum(d => d.Received.MissedCalls + d.Received.Voicemails + d.Received.Texts) == 7 && s.Days[^1].Replies == new ReplyCounts(2, 1, 0));
        Assert.Equal((number, "America/New_York", 14), (summary.PhoneNumber, summary.TimeZone, summary.Days.Count));
        var today = summary.Days[^1];
        Assert.Equal(TodayInNewYork().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), today.Date);
        Assert.Equal(new ReceivedCounts(MissedCalls: 2, Voicemails: 2, Texts: 2), today.Received);
        Assert.Equal(
            [(SuppressionReason.Cooldown, 1), (SuppressionReason.RecentActivity, 1), (SuppressionReason.OptedOut, 1), (SuppressionReason.Keyword, 1)],
            today.NotSent.Select(r => (r.Reason, r.Count)).OrderBy(r => r.Reason));
        var yesterday = summary.Days[^2];
        Assert.Equal((new ReceivedCounts(1, 0, 0), new ReplyCounts(0, 0, 0)), (yesterday.Received, yesterday.Replies));
        Assert.Equal([(SuppressionReason.Stale, 1)], yesterday.NotSent.Select(r => (r.Reason, r.Count)));
        Assert.All(summary.Days.SkipLast(2), day => Assert.Equal((new ReceivedCounts(0, 0, 0), 0), (day.Received, day.NotSent.Count)));

        var workspace = await api.SummaryAsync(phoneNumber: null, days: 2);
        Assert.Equal((null, "UTC"), (workspace.PhoneNumber, workspace.TimeZone));
        Assert.Equal(6 + 1, workspace.Days.Sum(d => d.Received.MissedCalls + d.Received.Voicemails + d.Received.Texts));
        Assert.Equal(2, workspace.Days.Sum(d => d.Replies.Sent));
    }

    [Theory]
    [InlineData("days=0", "days")]
    [InlineData("days=32", "days")]
    [InlineData("timeZone=Mars%2FOlympus_Mons", "timeZone")]
    [InlineData("phoneNumber=%201415555", "phoneNumber")]
    public async Task A_summary_asked_for_impossible_days_an_unknown_time_zone_or_a_malformed_number_is_refused_with_the_field_to_fix(string query, string field)
    {
        using var client = rules.Service.CreateAuthorizedClient();

        var answer = await client.GetAsync($"/v1/summary?{query}", Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        var problem = await answer.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    private static DateOnly TodayInNewYork() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/New_York")).DateTime);
}
