using System.Globalization;
using System.Net;
using AutoReply.Sender.Provider;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using Polly.CircuitBreaker;
using static AutoReply.UnitTests.Sender.ScriptedProvider;

namespace AutoReply.UnitTests.Sender;

/// <summary>The provider client through its whole resilience pipeline, against scripted provider answers.</summary>
public sealed class TwilioMessagesClientTests
{
    [Fact]
    public async Task A_201_is_accepted_with_the_provider_s_message_id_and_status()
    {
        await using var harness = new ProviderHarness(new ScriptedProvider(Created("SM0001")));

        Assert.Equal(new Accepted("SM0001", "queued"), await harness.SendAsync());
    }

    [Fact]
    public async Task A_503_is_retried_and_the_following_201_is_accepted()
    {
        await using var harness = new ProviderHarness(new ScriptedProvider(Status(HttpStatusCode.ServiceUnavailable), Created("SM0002")));

        Assert.Equal(new Accepted("SM0002", "queued"), await harness.SendAsync());
    }

    [Fact]
    public async Task A_refused_connection_is_retried_and_the_following_201_is_accepted()
    {
        await using var harness = new ProviderHarness(new ScriptedProvider(ConnectionRefused(), Created("SM0003")));

        Assert.Equal(new Accepted("SM0003", "queued"), await harness.SendAsync());
    }

    [Fact]
    public async Task A_429_is_retried_after_its_retry_after_capped_to_the_setting()
    {
        // Retry-After asks for two minutes; were it not capped at 50 ms the 10 s total timeout would end the send.
        await using var harness = new ProviderHarness(new ScriptedProvider(Status(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromMinutes(2)), Created("SM0004")));

        Assert.Equal(new Accepted("SM0004", "queued"), await harness.SendAsync());
    }

    [Fact]
    public async Task A_500_is_an_unknown_outcome_and_is_not_sent_a_second_time()
    {
        var provider = new ScriptedProvider(Status(HttpStatusCode.InternalServerError), Created("SM-second-text"));
        await using var harness = new ProviderHarness(provider);

        await Assert.ThrowsAsync<ProviderOutcomeUnknownException>(harness.SendAsync);

        // The provider may have stored the first request: a second one could be a second text.
        Assert.Equal(1, provider.Requests);
    }

    [Fact]
    public async Task An_attempt_that_times_out_is_an_unknown_outcome_and_is_not_sent_a_second_time()
    {
        var provider = new ScriptedProvider(Silent(), Created("SM-second-text"));
        await using var harness = new ProviderHarness(provider, options => options.AttemptTimeout = TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAsync<ProviderOutcomeUnknownException>(harness.SendAsync);

        Assert.Equal(1, provider.Requests);
    }

    [Fact]
    public async Task A_400_with_a_twilio_error_is_rejected_with_its_code_and_message_and_not_retried()
    {
        var provider = new ScriptedProvider(Error(HttpStatusCode.BadRequest, 21211, "The 'To' number +1415555 is not a valid phone number."), Created("SM-second-text"));
        await using var harness = new ProviderHarness(provider);

        var answer = await harness.SendAsync();

        Assert.Equal(new Rejected("21211", "The 'To' number +1415555 is not a valid phone number."), answer);
        Assert.Equal(1, provider.Requests);
    }

    [Fact]
    public async Task An_opted_out_recipient_is_rejected_with_code_21610()
    {
        await using var harness = new ProviderHarness(new ScriptedProvider(Error(HttpStatusCode.BadRequest, 21610, "Attempt to send to unsubscribed recipient")));

        var answer = Assert.IsType<Rejected>(await harness.SendAsync());

        Assert.Equal(ProviderErrorCodes.RecipientOptedOut, answer.ErrorCode);
    }

    [Fact]
    public async Task A_4xx_without_a_twilio_error_body_is_rejected_with_the_status_code()
    {
        await using var harness = new ProviderHarness(new ScriptedProvider(Status(HttpStatusCode.Forbidden)));

        var answer = Assert.IsType<Rejected>(await harness.SendAsync());

        Assert.Equal("403", answer.ErrorCode);
    }

    [Fact]
    public async Task A_provider_that_keeps_answering_503_is_unavailable_after_the_retries()
    {
        await using var harness = new ProviderHarness(new ScriptedProvider(Status(HttpStatusCode.ServiceUnavailable)), options => options.MaxRetries = 2);

        await Assert.ThrowsAsync<ProviderUnavailableException>(harness.SendAsync);
    }

    [Fact]
    public async Task Repeated_503s_open_the_circuit_which_stops_calls_and_degrades_health()
    {
        var provider = new ScriptedProvider(Status(HttpStatusCode.ServiceUnavailable));
        await using var harness = new ProviderHarness(provider, options => options.MaxRetries = 4);
        Assert.Equal(HealthStatus.Healthy, await harness.ProviderHealthAsync());

        // Two sends of five attempts each reach the breaker's minimum throughput of ten, all failed.
        await Assert.ThrowsAsync<ProviderUnavailableException>(harness.SendAsync);
        await Assert.ThrowsAsync<ProviderUnavailableException>(harness.SendAsync);
        var requestsWhenOpened = provider.Requests;

        var refused = await Assert.ThrowsAsync<ProviderUnavailableException>(harness.SendAsync);

        Assert.IsAssignableFrom<BrokenCircuitException>(refused.InnerException);
        Assert.Equal(requestsWhenOpened, provider.Requests);
        Assert.Equal(HealthStatus.Degraded, await harness.ProviderHealthAsync());
    }

    [Fact]
    public async Task Open_circuit_closes_when_the_provider_answers_again_after_the_break()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-24T15:00:00Z", CultureInfo.InvariantCulture));
        var failures = Enumerable.Repeat(Status(HttpStatusCode.ServiceUnavailable), 10);
        var provider = new ScriptedProvider([.. failures, Created("SM-after-the-break")]);
        // No retries: with a fake clock their delays would never pass. Ten failed sends reach the breaker's minimum throughput.
        await using var harness = new ProviderHarness(provider, options => options.MaxRetries = 0, clock);
        for (var send = 0; send < 10; send++)
        {
            await Assert.ThrowsAsync<ProviderUnavailableException>(harness.SendAsync);
        }
        Assert.Equal(HealthStatus.Degraded, await harness.ProviderHealthAsync());

        clock.Advance(TimeSpan.FromMinutes(5));
        var answer = await harness.SendAsync();

        Assert.Equal(new Accepted("SM-after-the-break", "queued"), answer);
        Assert.Equal(HealthStatus.Healthy, await harness.ProviderHealthAsync());
    }
}
