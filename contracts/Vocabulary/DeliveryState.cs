using System.Text.Json.Serialization;

namespace AutoReply.Contracts;

/// <summary>Where a send stands. <see cref="Delivered"/>, <see cref="Undelivered"/> and <see cref="Failed"/> are final.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeliveryState>))]
public enum DeliveryState
{
    /// <summary>Recorded by the sender, the provider has not answered yet. Never announced: the decision shows no state until then.</summary>
    [JsonStringEnumMemberName("sending")] Sending,
    [JsonStringEnumMemberName("queued")] Queued,
    [JsonStringEnumMemberName("sent")] Sent,
    [JsonStringEnumMemberName("delivered")] Delivered,
    [JsonStringEnumMemberName("undelivered")] Undelivered,
    [JsonStringEnumMemberName("failed")] Failed,
}

public static class DeliveryStates
{
    /// <summary>
    /// States only move forward: a callback that arrives late or out of order never moves a send
    /// back, and a final state never changes, not even to another final state.
    /// </summary>
    public static bool IsForward(DeliveryState? current, DeliveryState next) => current is null || Rank(next) > Rank(current.Value);

    /// <summary>
    /// A status the provider reports that AutoReply tracks. Its other statuses (accepted, sending,
    /// receiving…) are steps AutoReply does not record; its "sending" is not ours.
    /// </summary>
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
