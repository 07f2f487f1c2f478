using AutoReply.Contracts.Events;
using MassTransit;
using AutoReply.Domain.Data;
using AutoReply.Domain.OptOuts;

namespace AutoReply.Rules.OptOuts;

/// <summary>Records an opt-out the provider reported (error 21610: the recipient had replied STOP to the carrier).</summary>
public sealed class ContactOptedOutConsumer(RulesDbContext db) : IConsumer<ContactOptedOut>
{
    public async Task Consume(ConsumeContext<ContactOptedOut> context)
    {
        var message = context.Message;
        var record = await db.OptOuts.FindAsync([message.PhoneNumber, message.Contact], context.CancellationToken);
        if (record is null)
        {
            record = new OptOut { PhoneNumber = message.PhoneNumber, Contact = message.Contact, Source = message.Source };
            db.OptOuts.Add(record);
        }
        // An opt-out already on record (a keyword, an earlier report) stands as it is.
        if (!record.IsOptedOut)
        {
            record.OptOutAt(message.OptedOutAt, message.Source);
        }
        // Two reports inserting at once: the loser's unique violation is retried and finds the winner's row.
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
