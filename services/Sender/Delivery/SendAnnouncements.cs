using AutoReply.Contracts;
using AutoReply.Contracts.Events;
using AutoReply.Sender.Data;
using AutoReply.Sender.Provider;
using MassTransit;

namespace AutoReply.Sender.Delivery;

/// <summary>What the rest of the system hears when a send changes: its state, and an opt-out the provider reported.</summary>
public static class SendAnnouncements
{
    public static async Task AnnounceAsync(IPublishEndpoint bus, SendRecord send)
    {
        await bus.Publish(new SendStateChanged(send.DecisionId, send.State, send.ProviderMessageId, send.ErrorCode, send.Error, send.UpdatedAt));
        if (send.ErrorCode == ProviderErrorCodes.RecipientOptedOut)
        {
            await bus.Publish(new ContactOptedOut(send.From, send.To, send.UpdatedAt, OptOutSource.Provider));
        }
    }
}
