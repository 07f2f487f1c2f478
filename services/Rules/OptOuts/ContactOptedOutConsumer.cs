using AutoReply.Contracts.Events;
using AutoReply.Rules.Data;
using MassTransit;

namespace AutoReply.Rules.OptOuts;

/// <summary>Records an opt-out the provider reported (error 21610: the recipient had replied STOP to the carrier).</summary>
public sealed class ContactOptedOutConsumer(RulesDbContext db) : IConsumer<ContactOptedOut>
{
    public async Task Consume(ConsumeContext<ContactOptedOut> context)
    {
        var message = context.Message;
        // An opt-out already on record (a keyword, an earlier report) stands as it is.
        await db.TryInsertAsync(
            new OptOut { PhoneNumber = message.PhoneNumber, Contact = message.Contact, OptedOutAt = message.OptedOutAt, Source = message.Source },
            RulesDbContext.OptOutKey,
            context.CancellationToken);
    }
}
