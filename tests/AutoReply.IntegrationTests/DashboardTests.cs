using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Aspire.Hosting.Testing;
using AutoReply.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace AutoReply.IntegrationTests;

/// <summary>What an operator sees in the Aspire dashboard of the running system, in a real browser.</summary>
[Collection(nameof(WholeSystem))]
public sealed class DashboardTests(AppHostFixture system)
{
    private static readonly string[] Servers = ["rabbitmq", "rabbitmq-epmd", "redis", "postgres", "autoreplydb"];
    private static readonly string[] Services = ["ingress", "rules-api", "sender", "smssandbox", "web"];
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Every_resource_is_running_and_healthy_on_the_resources_page()
    {
        await using var browser = await Browser.LaunchAsync();
        var page = await OpenDashboardAsync(browser);

        // The state column reads "Running" only for a running resource whose health checks pass.
        var states = page.Locator("[role=row]:has([role=gridcell][col-index='2'])");
        // The servers, the services, the rules engine's two replicas and the migrations step.
        await Assertions.Expect(states).ToHaveCountAsync(Servers.Length + Services.Length + 2 + 1, new() { Timeout = (float)Patience.TotalMilliseconds });
        foreach (var name in Servers.Concat(Services))
        {
            await Assertions.Expect(StateOf(page, name)).ToHaveAttributeAsync("aria-label", "Running", new() { Timeout = (float)Patience.TotalMilliseconds });
        }
        // The migrations ran to completion before the services started, with nothing for an operator to look into.
        var migrations = StateOf(page, "migrations");
        await Assertions.Expect(migrations).ToContainTextAsync("Finished", new() { Timeout = (float)Patience.TotalMilliseconds });
        await Assertions.Expect(migrations.GetByRole(AriaRole.Link)).ToHaveCountAsync(0);
        var replicas = page.Locator("[role=gridcell][col-index='1'][aria-label^='Project: rules-']:not([aria-label='Project: rules-api'])");
        await Assertions.Expect(replicas).ToHaveCountAsync(2);
        await Screenshots.SaveAsync(page, "dashboard-resources");
    }

    [Fact]
    public async Task A_missed_call_is_one_trace_from_ingress_through_rules_and_sender_to_the_provider()
    {
        var (number, contact) = (TestData.PhoneNumber(), TestData.PhoneNumber());
        var rules = new RulesApiClient(system.Client("rules-api"));
        await rules.PutNumberAsync(number, TestData.NeverOpen("Dashboard Bakery"));
        await rules.CreateAutoReplyAsync(number, "missed_call", "after_hours", "We're closed, we'll call you back.");
        var trace = ActivityTraceId.CreateRandom();

        using var ingress = system.Client("ingress");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/events")
        {
            Content = JsonContent.Create(new { id = TestData.EventId(), type = "call.missed", phoneNumber = number, contact, occurredAt = DateTimeOffset.UtcNow }),
        };
        // The caller's trace context: the dashboard then shows the event's trace under this id.
        request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        Assert.Equal(HttpStatusCode.Accepted, (await ingress.SendAsync(request, TestContext.Current.CancellationToken)).StatusCode);
        await Eventually.ReadAsync(() => new SandboxApi(system.Url("smssandbox")).TextsToAsync(contact), texts => texts.Count > 0);

        await using var browser = await Browser.LaunchAsync();
        var page = await OpenDashboardAsync(browser);
        var resources = await ResourcesInTraceAsync(page, trace, ["ingress", "rules", "sender", "smssandbox"]);

        Assert.Contains("ingress", resources);
        // A replica of the engine, by the name the dashboard gives replicas (rules-<suffix>), not the rules API.
        Assert.Contains(resources, resource => resource.StartsWith("rules-", StringComparison.Ordinal) && !resource.StartsWith("rules-api", StringComparison.Ordinal));
        Assert.Contains("sender", resources);
        Assert.Contains("smssandbox", resources);
        await Screenshots.SaveAsync(page, "dashboard-missed-call-trace");
    }

    [Fact]
    public async Task The_autoreply_meters_and_the_backlog_gauges_an_operator_acts_on_are_on_the_metrics_page()
    {
        var (number, contact) = (TestData.PhoneNumber(), TestData.PhoneNumber());
        var rules = new RulesApiClient(system.Client("rules-api"));
        await rules.PutNumberAsync(number, TestData.NeverOpen("Metered Florist"));
        await rules.CreateAutoReplyAsync(number, "missed_call", "after_hours", "Closed, back tomorrow.");
        using var ingress = system.Client("ingress");
        await ingress.PostAsJsonAsync("/v1/events",
            new { id = TestData.EventId(), type = "call.missed", phoneNumber = number, contact, occurredAt = DateTimeOffset.UtcNow },
            TestContext.Current.CancellationToken);
        await Eventually.ReadAsync(() => new SandboxApi(system.Url("smssandbox")).TextsToAsync(contact), texts => texts.Count > 0);

        await using var browser = await Browser.LaunchAsync();
        var page = await OpenDashboardAsync(browser);
        var origin = new Uri(page.Url).GetLeftPart(UriPartial.Authority);
        var meters = new (string Resource, string Instrument)[]
        {
            ("ingress", "autoreply.ingress.events"),
            ("rules", "autoreply.rules.decisions"),
            ("rules", "autoreply.rules.batch.size"),
            ("sender", "autoreply.sender.sends"),
            ("sender", "autoreply.sender.provider.duration"),
            ("rules", "autoreply.queue.depth"),
            ("rules", "autoreply.queue.oldest_age"),
            ("rules", "autoreply.outbox.oldest_age"),
            ("rules", "autoreply.scheduling.overdue"),
            ("rules", "autoreply.rules.recovery.waiting"),
            ("sender", "autoreply.queue.depth"),
            ("sender", "autoreply.sender.provider.circuit_open"),
            ("ingress", "autoreply.health.status"),
        };
        foreach (var (resource, instrument) in meters)
        {
            await page.GotoAsync($"{origin}/metrics/resource/{resource}");
            // Metrics are exported every few seconds; the page lists an instrument once it has been seen.
            await Assertions.Expect(page.GetByText(instrument, new() { Exact = true }).First)
                .ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        }
    }

    private async Task<IPage> OpenDashboardAsync(Browser browser)
    {
        var page = await browser.NewPageAsync();
        var login = await system.App.GetDashboardUrlAsync(TestContext.Current.CancellationToken);
        await page.GotoAsync(login.ToString());
        await Assertions.Expect(page.GetByText("Resources").First).ToBeVisibleAsync();
        return page;
    }

    private static ILocator StateOf(IPage page, string resource) =>
        page.Locator($"[role=row]:has([role=gridcell][col-index='1'][aria-label$=': {resource}']) [role=gridcell][col-index='2']");

    /// <summary>
    /// The resources that recorded spans of the trace, once every expected one has (services export
    /// their spans in batches, so the trace fills in over a few seconds).
    /// </summary>
    private static async Task<HashSet<string>> ResourcesInTraceAsync(IPage page, ActivityTraceId trace, string[] expected)
    {
        var origin = new Uri(page.Url).GetLeftPart(UriPartial.Authority);
        var deadline = DateTime.UtcNow + Patience;
        HashSet<string> resources = [];
        while (DateTime.UtcNow < deadline)
        {
            await page.GotoAsync($"{origin}/traces/detail/{trace}");
            var spans = page.Locator("[role=gridcell][col-index='2'].expand-col");
            await spans.First.WaitForAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
            resources = [.. await spans.AllInnerTextsAsync()];
            if (expected.All(name => resources.Any(resource => resource == name || resource.StartsWith(name + "-", StringComparison.Ordinal))))
            {
                break;
            }
        }
        return resources;
    }
}
