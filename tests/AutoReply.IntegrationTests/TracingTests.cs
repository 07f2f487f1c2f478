using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using AutoReply.IntegrationTests.Infrastructure;

namespace AutoReply.IntegrationTests;

/// <summary>
/// What an operator sees in the dashboard: one trace from the event posted to ingress, over the
/// bus through rules and sender, to the call to the SMS provider. All four services run in this
/// process, so one listener sees every span.
/// </summary>
public sealed class TracingTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<Activity> finished = new();
    private readonly ActivityListener listener;
    private readonly SandboxServer sandbox = new();
    private readonly ServiceFactory<Ingress.Program> ingress;
    private readonly RulesService rules;
    private readonly ServiceFactory<Sender.Program> sender;

    public TracingTests(RealServers servers)
    {
        listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = finished.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        ingress = new ServiceFactory<Ingress.Program>(servers);
        rules = new RulesService(servers);
        sender = new ServiceFactory<Sender.Program>(servers, sandbox.ProviderSettings);
    }

    public ValueTask InitializeAsync()
    {
        _ = sender.Server;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        listener.Dispose();
        await ingress.DisposeAsync();
        await rules.DisposeAsync();
        await sender.DisposeAsync();
        await sandbox.DisposeAsync();
    }

    [Fact]
    public async Task One_trace_follows_an_event_from_ingress_to_the_provider_call()
    {
        var contact = await MissedCallRepliedAsync("Traced Optics", delay: null);

        var received = Assert.Single(finished, a => a.Kind == ActivityKind.Server && (a.GetTagItem("url.path") as string)?.TrimEnd('/') == "/v1/events");
        var providerCall = await Eventually.ReadAsync(
            () => Task.FromResult(finished.FirstOrDefault(a => a.Kind == ActivityKind.Client && a.TraceId == received.TraceId
                && (a.GetTagItem("url.full") as string)?.EndsWith("/Messages.json", StringComparison.Ordinal) == true)),
            call => call is not null);
        Assert.NotNull(providerCall);
        Assert.DoesNotContain(finished, a => a.TraceId == received.TraceId && a.Tags.Any(tag => tag.Value?.Contains(contact, StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task A_delayed_reply_is_settled_under_a_span_linked_to_the_trace_of_the_event_that_scheduled_it()
    {
        await MissedCallRepliedAsync("Traced Later", delay: "PT1S");

        var received = Assert.Single(finished, a => a.Kind == ActivityKind.Server && (a.GetTagItem("url.path") as string)?.TrimEnd('/') == "/v1/events");
        var settled = await Eventually.ReadAsync(
            () => Task.FromResult(finished.FirstOrDefault(a => a.OperationName == "Settle due replies" && a.Links.Any(link => link.Context.TraceId == received.TraceId))),
            span => span is not null);
        Assert.NotNull(settled);
    }

    /// <summary>A number whose missed calls get a reply (after <paramref name="delay"/>), a missed call posted to ingress, and its text received; answers the contact.</summary>
    private async Task<string> MissedCallRepliedAsync(string business, string? delay)
    {
        var (number, contact) = (TestData.PhoneNumber(), TestData.PhoneNumber());
        var api = new RulesApiClient(rules.CreateAuthorizedClient());
        await api.PutNumberAsync(number, TestData.AlwaysOpen(business));
        await api.CreateAutoReplyAsync(number, "missed_call", "business_hours", "We'll call you back.", delay);

        var response = await ingress.CreateAuthorizedClient().PostAsJsonAsync("/v1/events",
            new { id = TestData.EventId(), type = "call.missed", phoneNumber = number, contact, occurredAt = DateTimeOffset.UtcNow },
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Eventually.ReadAsync(() => sandbox.Api.TextsToAsync(contact), texts => texts.Count > 0);
        return contact;
    }
}
