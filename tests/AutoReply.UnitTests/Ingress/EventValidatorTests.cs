using AutoReply.Contracts;
using AutoReply.Ingress.Events;
using Microsoft.Extensions.Time.Testing;

namespace AutoReply.UnitTests.Ingress;

public sealed class EventValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 15, 10, 0, TimeSpan.Zero);

    private readonly EventValidator validator = new(new FakeTimeProvider(Now));

    private static EventRequest MissedCall() => new(
        Id: "evt-0001",
        Type: "call.missed",
        PhoneNumber: "+14155550100",
        Contact: "+14155550199",
        OccurredAt: "2026-11-24T15:04:05Z",
        Body: null);

    private IEnumerable<string> ErrorKeys(EventRequest request)
    {
        var result = validator.Validate(request);
        Assert.False(result.IsValid);
        return result.Errors.Keys.Order(StringComparer.Ordinal);
    }

    [Fact]
    public void A_valid_event_is_accepted_with_its_fields_parsed()
    {
        var result = validator.Validate(MissedCall());

        Assert.True(result.IsValid);
        Assert.Empty(result.Errors);
        Assert.Equal(
            new ValidEvent("evt-0001", EventType.CallMissed, "+14155550100", "+14155550199", new DateTimeOffset(2026, 11, 24, 15, 4, 5, TimeSpan.Zero), null),
            result.Value);
    }

    [Theory]
    [InlineData("call.missed")]
    [InlineData("voicemail.received")]
    [InlineData("message.received")]
    [InlineData("call.placed")]
    [InlineData("message.sent")]
    public void Every_documented_type_is_accepted(string type)
    {
        Assert.True(validator.Validate(MissedCall() with { Type = type }).IsValid);
    }

    [Fact]
    public void A_message_received_may_carry_a_body()
    {
        var result = validator.Validate(MissedCall() with { Type = "message.received", Body = "Are you open today?" });

        Assert.Equal("Are you open today?", result.Value?.Body);
    }

    [Fact]
    public void An_id_of_128_characters_is_accepted()
    {
        Assert.True(validator.Validate(MissedCall() with { Id = new string('x', 128) }).IsValid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("evt\n0001")]
    public void A_missing_or_unprintable_id_is_an_error_on_id(string? id)
    {
        Assert.Equal(["id"], ErrorKeys(MissedCall() with { Id = id }));
    }

    [Fact]
    public void An_id_of_129_characters_is_an_error_on_id()
    {
        Assert.Equal(["id"], ErrorKeys(MissedCall() with { Id = new string('x', 129) }));
    }

    [Theory]
    [InlineData("call.received")]
    [InlineData("CALL.MISSED")]
    [InlineData(null)]
    public void An_unknown_type_is_an_error_on_type(string? type)
    {
        Assert.Equal(["type"], ErrorKeys(MissedCall() with { Type = type }));
    }

    [Theory]
    [InlineData("4155550100")]
    [InlineData("+1415555")]
    [InlineData("+1 415 555 0100")]
    [InlineData("+1-415-555-0100")]
    [InlineData("+141555501001234")]
    [InlineData("")]
    [InlineData(null)]
    public void A_business_number_not_in_e164_is_an_error_on_phone_number(string? phoneNumber)
    {
        Assert.Equal(["phoneNumber"], ErrorKeys(MissedCall() with { PhoneNumber = phoneNumber }));
    }

    [Theory]
    [InlineData("4155550199")]
    [InlineData("+1415555")]
    [InlineData("+1 415 555 0199")]
    public void A_contact_not_in_e164_is_an_error_on_contact(string contact)
    {
        Assert.Equal(["contact"], ErrorKeys(MissedCall() with { Contact = contact }));
    }

    [Fact]
    public void A_contact_equal_to_the_business_number_is_an_error_on_contact()
    {
        Assert.Equal(["contact"], ErrorKeys(MissedCall() with { Contact = "+14155550100" }));
    }

    [Theory]
    [InlineData("2026-11-24T15:04:05")]
    [InlineData("2026-11-24")]
    [InlineData("24/11/2026 15:04")]
    [InlineData("yesterday")]
    [InlineData(null)]
    public void An_occurred_at_without_an_offset_is_an_error_on_occurred_at(string? occurredAt)
    {
        Assert.Equal(["occurredAt"], ErrorKeys(MissedCall() with { OccurredAt = occurredAt }));
    }

    [Theory]
    [InlineData("2026-11-24T10:04:05-05:00")]
    [InlineData("2026-11-24T16:04:05+01:00")]
    [InlineData("2026-11-24T15:04:05z")]
    public void An_occurred_at_with_a_numeric_offset_or_z_is_accepted(string occurredAt)
    {
        var result = validator.Validate(MissedCall() with { OccurredAt = occurredAt });

        Assert.Equal(new DateTimeOffset(2026, 11, 24, 15, 4, 5, TimeSpan.Zero), result.Value?.OccurredAt);
    }

    [Fact]
    public void An_occurred_at_less_than_five_minutes_ahead_is_accepted_as_clock_skew()
    {
        Assert.True(validator.Validate(MissedCall() with { OccurredAt = "2026-11-24T15:14:59Z" }).IsValid);
    }

    [Fact]
    public void An_occurred_at_more_than_five_minutes_ahead_is_an_error_on_occurred_at()
    {
        Assert.Equal(["occurredAt"], ErrorKeys(MissedCall() with { OccurredAt = "2026-11-24T15:15:01Z" }));
    }

    [Theory]
    [InlineData("call.missed")]
    [InlineData("voicemail.received")]
    [InlineData("call.placed")]
    [InlineData("message.sent")]
    public void A_body_on_an_event_that_is_not_an_incoming_message_is_an_error_on_body(string type)
    {
        Assert.Equal(["body"], ErrorKeys(MissedCall() with { Type = type, Body = "hello" }));
    }

    [Fact]
    public void A_body_over_5000_characters_is_an_error_on_body()
    {
        Assert.Equal(["body"], ErrorKeys(MissedCall() with { Type = "message.received", Body = new string('a', 5001) }));
    }

    [Fact]
    public void Every_invalid_field_is_reported_at_once()
    {
        var request = new EventRequest(Id: "", Type: "call.received", PhoneNumber: "4155550100", Contact: "+1415555", OccurredAt: "2026-11-24T15:04:05", Body: "hi");

        Assert.Equal(["body", "contact", "id", "occurredAt", "phoneNumber", "type"], ErrorKeys(request));
    }
}
