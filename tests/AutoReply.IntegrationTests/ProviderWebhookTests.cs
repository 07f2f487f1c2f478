using AutoReply.Contracts;
using System.Net;
using AutoReply.Contracts.Events;
using AutoReply.IntegrationTests.Infrastructure;
using AutoReply.Security;

namespace AutoReply.IntegrationTests;

/// <summary>The provider's webhooks into ingress: accepted only with a valid signature over the URL called.</summary>
public sealed class ProviderWebhookTests(RealServers servers) : IAsyncLifetime
{
    private const string StatusPath = "/webhooks/provider/status";
    private const string MessagesPath = "/webhooks/provider/messages";
    private readonly ServiceFactory<Ingress.Program> ingress = new(servers);
    private TestBus<ProviderStatusReported> bus = null!;

    public async ValueTask InitializeAsync() => bus = await TestBus.StartAsync<ProviderStatusReported>(servers.RabbitMq);

    public async ValueTask DisposeAsync()
    {
        await bus.DisposeAsync();
        await ingress.DisposeAsync();
    }

    [Fact]
    public async Task Signed_status_callback_is_passed_on()
    {
        var fields = StatusFields();

        var response = await PostAsync(StatusPath, fields, Sign(StatusPath, fields));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var reported = await Eventually.ReadAsync(() => Task.FromResult(bus.Observed.FirstOrDefault(r => r.ProviderMessageId == fields["MessageSid"])), r => r is not null);
        Assert.Equal(DeliveryState.Delivered, reported?.Status);
    }

    [Fact]
    public async Task Status_callback_with_a_tampered_field_is_forbidden_and_changes_nothing()
    {
        var fields = StatusFields();
        var signature = Sign(StatusPath, fields);
        fields["MessageStatus"] = "failed";

        var response = await PostAsync(StatusPath, fields, signature);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertNothingPublishedAsync(fields["MessageSid"]);
    }

    [Fact]
    public async Task Signature_replayed_on_another_url_is_forbidden()
    {
        var fields = StatusFields();

        var response = await PostAsync(StatusPath, fields, Sign(MessagesPath, fields));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertNothingPublishedAsync(fields["MessageSid"]);
    }

    [Fact]
    public async Task Signed_inbound_text_is_accepted_as_a_message_event()
    {
        var fields = new Dictionary<string, string>
        {
            ["MessageSid"] = $"SM{Guid.NewGuid():N}",
            ["From"] = TestData.PhoneNumber(),
            ["To"] = TestData.PhoneNumber(),
            ["Body"] = "STOP",
        };

        await using var rules = await TestBus.StartAsync<MessageReceived>(servers.RabbitMq);

        var response = await PostAsync(MessagesPath, fields, Sign(MessagesPath, fields));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<Response>", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var received = await Eventually.ReadAsync(() => Task.FromResult(rules.Observed.FirstOrDefault(m => m.EventId == fields["MessageSid"])), m => m is not null);
        Assert.Equal((fields["From"], fields["To"], "STOP"), (received?.Contact, received?.PhoneNumber, received?.Body));
    }

    private async Task<HttpResponseMessage> PostAsync(string path, Dictionary<string, string> fields, string signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add(TwilioSignature.HeaderName, signature);
        return await ingress.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);
    }

    private async Task AssertNothingPublishedAsync(string messageSid)
    {
        await bus.DrainAsync();
        Assert.DoesNotContain(bus.Observed, r => r.ProviderMessageId == messageSid);
    }

    /// <summary>Signs as the provider does, for the URL the test server is reached at.</summary>
    private static string Sign(string path, Dictionary<string, string> fields) =>
        TwilioSignature.Compute(TestProvider.AuthToken, "http://localhost" + path, fields);

    private static Dictionary<string, string> StatusFields() => new()
    {
        ["MessageSid"] = $"SM{Guid.NewGuid():N}",
        ["MessageStatus"] = "delivered",
        ["To"] = TestData.PhoneNumber(),
        ["From"] = TestData.PhoneNumber(),
    };
}
