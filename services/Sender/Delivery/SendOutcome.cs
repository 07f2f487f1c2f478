using AutoReply.Contracts;
using AutoReply.Sender.Data;
using AutoReply.Sender.Provider;

namespace AutoReply.Sender.Delivery;

/// <summary>Writes the provider's answer onto the send record; the attempt it ends is over.</summary>
public static class SendOutcome
{
    public static void Apply(SendRecord send, ProviderAnswer answer, DateTimeOffset now)
    {
        send.OpenAttemptStartedAt = null;
        switch (answer)
        {
            case Accepted accepted:
                send.ProviderMessageId = accepted.MessageId;
                send.State = DeliveryStates.TryParseReported(accepted.Status, out var state) ? state : DeliveryState.Queued;
                break;
            case Rejected rejected:
                send.State = DeliveryState.Failed;
                send.ErrorCode = rejected.ErrorCode;
                send.Error = rejected.Error;
                break;
        }
        send.UpdatedAt = now;
    }
}
