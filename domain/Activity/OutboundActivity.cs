namespace AutoReply.Domain.Activity;

/// <summary>When the business last called or texted a contact by hand: the conversation it makes live.</summary>
public sealed class OutboundActivity
{
    public required string PhoneNumber { get; init; }

    public required string Contact { get; init; }

    public DateTimeOffset LastOutboundAt { get; init; }
}
