using AutoReply.Ingress.Webhooks;

namespace AutoReply.UnitTests.Ingress;

public sealed class StatusCallbackValidatorTests
{
    private readonly StatusCallbackValidator validator = new();

    [Fact]
    public void Callback_without_message_sid_or_status_gets_an_error_for_each()
    {
        var validated = validator.Validate(new StatusCallback { ErrorCode = "30003" });

        Assert.False(validated.IsValid);
        Assert.Equal(["MessageSid", "MessageStatus"], validated.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Callback_with_message_sid_and_status_is_valid_whatever_the_status()
    {
        var validated = validator.Validate(new StatusCallback { MessageSid = "SM1", MessageStatus = "accepted" });

        Assert.True(validated.IsValid);
        Assert.Empty(validated.Errors);
    }
}
