using AutoReply.Sender.Provider;

namespace AutoReply.UnitTests.Sender;

public sealed class RateLimitTests
{
    private const string Dental = "+14155550100";
    private const string Bakery = "+14155550200";

    [Fact]
    public void A_number_that_used_its_second_must_wait_while_another_number_sends_at_once()
    {
        using var limiter = ProviderPipeline.CreateRateLimiter(new ProviderOptions { MessagesPerSecondPerNumber = 1 });

        using var first = limiter.AttemptAcquire(Dental);
        using var secondFromSameNumber = limiter.AttemptAcquire(Dental);
        using var firstFromOtherNumber = limiter.AttemptAcquire(Bakery);

        Assert.True(first.IsAcquired);
        Assert.False(secondFromSameNumber.IsAcquired);
        Assert.True(firstFromOtherNumber.IsAcquired);
    }

    [Fact]
    public void A_request_without_a_sending_number_is_not_limited()
    {
        using var limiter = ProviderPipeline.CreateRateLimiter(new ProviderOptions { MessagesPerSecondPerNumber = 1 });

        for (var i = 0; i < 5; i++)
        {
            using var lease = limiter.AttemptAcquire("");
            Assert.True(lease.IsAcquired);
        }
    }
}
