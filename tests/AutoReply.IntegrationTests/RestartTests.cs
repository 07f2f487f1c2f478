using AutoReply.Contracts;
using System.Net;
using System.Net.Http.Json;
using Aspire.Hosting.ApplicationModel;
using AutoReply.IntegrationTests.Infrastructure;

namespace AutoReply.IntegrationTests;

/// <summary>The AppHost stopped and started again on the same data, as a developer does every day.</summary>
public sealed class RestartTests
{
    private static readonly string[] Servers = ["rabbitmq", "redis", "postgres"];

    [Fact]
    public async Task Restarted_system_keeps_its_numbers_decisions_and_the_texts_still_queued_for_the_sender()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var data = new TestDataDirectory();
        // The servers keep the passwords they were created with, so both runs use the same ones (the AppHost's user secrets do that for eng/run.sh).
        string[] passwords = [.. Servers.Select(server => $"--Parameters:{server}-password=Restart{server}{Guid.NewGuid():N}")];
        var (number, contact) = (TestData.PhoneNumber(), TestData.PhoneNumber());
        string eventId;

        await using (var first = new RunningSystem(data, passwords))
        {
            await first.InitializeAsync();
            var rules = new RulesApiClient(first.Client("rules-api"));
            await rules.PutNumberAsync(number, TestData.NeverOpen("Restart Opticians"));
            await rules.CreateAutoReplyAsync(number, "missed_call", "after_hours", "Closed for the night.");
            await first.App.ResourceCommands.ExecuteCommandAsync("sender", KnownResourceCommands.StopCommand, cancellation);
            await first.App.ResourceNotifications.WaitForResourceAsync(
                "sender", e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), cancellation);

            using var ingress = first.Client("ingress");
            eventId = TestData.EventId();
            var response = await ingress.PostAsJsonAsync("/v1/events",
                new { id = eventId, type = "call.missed", phoneNumber = number, contact, occurredAt = DateTimeOffset.UtcNow }, cancellation);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            Assert.Equal(Outcome.Sent, Assert.Single(await rules.DecisionsWhenAsync(contact, 1)).Outcome);
        }

        await using var second = new RunningSystem(data, passwords);
        await second.InitializeAsync();
        var rulesAgain = new RulesApiClient(second.Client("rules-api"));
        var texts = await Eventually.ReadAsync(() => new SandboxApi(second.Url("smssandbox")).TextsToAsync(contact), t => t.Count > 0);

        Assert.Equal(HttpStatusCode.OK, (await second.Client("rules-api").GetAsync($"/v1/numbers/{Uri.EscapeDataString(number)}", cancellation)).StatusCode);
        Assert.Equal(eventId, Assert.Single(await rulesAgain.DecisionsAsync(contact)).EventId);
        Assert.Equal("Closed for the night.", Assert.Single(texts).GetProperty("body").GetString());
    }
}
