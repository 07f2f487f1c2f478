using AutoReply.Contracts;
using System.Net;
using System.Net.Http.Json;
using Aspire.Hosting.ApplicationModel;
using AutoReply.Drill;
using AutoReply.IntegrationTests.Infrastructure;

namespace AutoReply.IntegrationTests;

/// <summary>A service that crashes, as an operator sees it in the dashboard and restarts it from there.</summary>
[Collection(nameof(WholeSystem))]
public sealed class CrashRecoveryTests(AppHostFixture system)
{
    [Fact]
    public async Task Killed_sender_shows_as_finished_and_once_restarted_texts_the_missed_call_that_waited_for_it()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var (number, contact) = (TestData.PhoneNumber(), TestData.PhoneNumber());
        var rules = new RulesApiClient(system.Client("rules-api"));
        await rules.PutNumberAsync(number, TestData.NeverOpen("Crash Test Garage"));
        await rules.CreateAutoReplyAsync(number, "missed_call", "after_hours", "Closed now, back at 8.");

        Assert.True(system.App.ResourceNotifications.TryGetCurrentState("sender", out var running));
        DrillSystem.KillServiceProcess(running.Snapshot);
        var crashed = await system.App.ResourceNotifications.WaitForResourceAsync(
            "sender", e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), cancellation);
        using var ingress = system.Client("ingress");
        var response = await ingress.PostAsJsonAsync("/v1/events",
            new { id = TestData.EventId(), type = "call.missed", phoneNumber = number, contact, occurredAt = DateTimeOffset.UtcNow }, cancellation);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var sent = Assert.Single(await rules.DecisionsWhenAsync(contact, 1));

        await system.App.ResourceCommands.ExecuteCommandAsync("sender", KnownResourceCommands.StartCommand, cancellation);
        await system.App.ResourceNotifications.WaitForResourceHealthyAsync("sender", cancellation);
        var texts = await Eventually.ReadAsync(() => new SandboxApi(system.Url("smssandbox")).TextsToAsync(contact), t => t.Count > 0);

        Assert.Contains(crashed.Snapshot.State?.Text, new[] { KnownResourceStates.Finished, KnownResourceStates.Exited });
        Assert.Equal(Outcome.Sent, sent.Outcome);
        Assert.Equal("Closed now, back at 8.", Assert.Single(texts).GetProperty("body").GetString());
    }
}
