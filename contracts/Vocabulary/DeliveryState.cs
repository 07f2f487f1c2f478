using System.Text.Json.Serialization;

namespace AutoReply.Contracts;

/// <summary>Where a send stands. <see cref="Delivered"/>, <see cref="Undelivered"/> and <see cref="Failed"/> are final.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeliveryState>))]
public enum DeliveryState
{
    /// <summary>Recorded by the sender, the provider has not answered yet. Never announced: the decision shows no state until then.</summary>
    [JsonStringEnumMemberName("sending")] Sending,
    /// <summary>The provider took the text.</summary>
    [JsonStringEnumMemberName("queued")] Queued,
    /// <summary>The provider sent the text to the carrier.</summary>
    [JsonStringEnumMemberName("sent")] Sent,
    /// <summary>The carrier delivered the text (final).</summary>
    [JsonStringEnumMemberName("delivered")] Delivered,
    /// <summary>The carrier could not deliver the text (final).</summary>
    [JsonStringEnumMemberName("undelivered")] Undelivered,
    /// <summary>The provider refused the text, or it could not be sent (final).</summary>
    [JsonStringEnumMemberName("failed")] Failed,
}

/// <summary>How delivery states follow one another.</summary>
public static class DeliveryStates
{
    /// <summary>
    /// States only move forward: a callback that arrives late or out of order never moves a send
    /// back, and a final state never changes, not even to another final state.
    /// </summary>
    /// <param name="current">The send's state now; none before the provider first answered.</param>
    /// <param name="next">The state reported.</param>
    public static bool IsForward(DeliveryState? current, DeliveryState next) => current is null || Rank(next) > Rank(current.Value);

    /// <summary>
    /// A status the provider reports that AutoReply tracks. Its other statuses (accepted, sending,
    /// receiving…) are steps AutoReply does not record; its "sending" is not ours.
    /// </summary>
    /// <param name="status">The provider's status, as its callback spells it.</param>
    /// <param name="state">The state it is, when it is one AutoReply tracks.</param>
    public static bool TryParseReported(string? status, out DeliveryState state) =>
        Vocabulary.TryParse(status, out state) && state != DeliveryState.Sending;

    private static int Rank(DeliveryState state) => state switch
    {
        DeliveryState.Sending => 0,
        DeliveryState.Queued => 1,
        DeliveryState.Sent => 2,
        _ => 3,
    };
}
