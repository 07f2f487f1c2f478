using System.Net;
using System.Net.Http.Headers;
using AutoReply.Sender.Provider;
using Polly;
using Polly.Timeout;

namespace AutoReply.UnitTests.Sender;

public sealed class ProviderPipelineTests
{
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public void An_answer_that_proves_the_provider_did_not_take_the_message_may_be_retried(HttpStatusCode status)
    {
        using var response = new HttpResponseMessage(status);

        Assert.True(ProviderPipeline.ProviderCannotHaveActed(Outcome.FromResult(response)));
    }

    [Fact]
    public void A_refused_connection_may_be_retried()
    {
        var outcome = Outcome.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.ConnectionError, "refused"));

        Assert.True(ProviderPipeline.ProviderCannotHaveActed(outcome));
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.OK)]
    [InlineData(HttpStatusCode.Created)]
    public void An_answer_after_which_the_message_may_exist_is_not_retried(HttpStatusCode status)
    {
        using var response = new HttpResponseMessage(status);

        Assert.False(ProviderPipeline.ProviderCannotHaveActed(Outcome.FromResult(response)));
    }

    [Fact]
    public void A_timeout_after_the_request_was_sent_is_not_retried()
    {
        Assert.False(ProviderPipeline.ProviderCannotHaveActed(Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException())));
    }

    [Fact]
    public void A_connection_lost_after_the_request_was_sent_is_not_retried()
    {
        var outcome = Outcome.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.ResponseEnded, "connection closed"));

        Assert.False(ProviderPipeline.ProviderCannotHaveActed(outcome));
    }

    [Fact]
    public void Retry_after_as_a_delay_in_seconds_is_honoured()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(3));

        Assert.Equal(TimeSpan.FromSeconds(3), ProviderPipeline.RetryAfter(response, Cap));
    }

    [Fact]
    public void Retry_after_longer_than_the_cap_is_capped()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromMinutes(10));

        Assert.Equal(Cap, ProviderPipeline.RetryAfter(response, Cap));
    }

    [Fact]
    public void Retry_after_as_a_date_in_the_past_means_retry_at_once()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(DateTimeOffset.UtcNow.AddMinutes(-1));

        Assert.Equal(TimeSpan.Zero, ProviderPipeline.RetryAfter(response, Cap));
    }

    [Fact]
    public void Without_retry_after_the_back_off_decides()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

        Assert.Null(ProviderPipeline.RetryAfter(response, Cap));
        Assert.Null(ProviderPipeline.RetryAfter(null, Cap));
    }
}
