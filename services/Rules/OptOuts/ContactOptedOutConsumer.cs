using AutoReply.Contracts.Events;
using AutoReply.Rules.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace AutoReply.Rules.OptOuts;

/// <summary>Records an opt-out the provider reported (error 21610: the recipient had replied STOP to the carrier).</summary>
public sealed class ContactOptedOutConsumer(RulesDbContext db) : IConsumer<ContactOptedOut>
{
    public async Task Consume(ConsumeContext<ContactOptedOut> context)
    {
        var message = context.Message;
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO rules.opt_outs ("PhoneNumber", "Contact", "OptedOutAt", "Source")
            VALUES ({message.PhoneNumber}, {message.Contact}, {message.OptedOutAt}, {message.Source})
            ON CONFLICT ("PhoneNumber", "Contact") DO NOTHING
            """,
            context.CancellationToken);
    }
}
