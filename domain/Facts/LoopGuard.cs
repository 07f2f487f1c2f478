using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using AutoReply.Domain.Data;
using AutoReply.Domain.Policy;

namespace AutoReply.Domain.Facts;

/// <summary>The <c>LoopGuard</c> section.</summary>
public sealed class LoopGuardOptions
{
    public const string Section = "LoopGuard";

    /// <summary>More inbound events than this from one contact to one number within <see cref="Window"/> is not a person.</summary>
    [Range(2, 10_000)]
    public int MaxEvents { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Finds the contacts whose events arrive faster than a person could produce them (another
/// auto-responder answering ours, a misbehaving integration): counted by when the events occurred,
/// from the decisions already made and the batch's own earlier events. Across replicas the count
/// may miss the events another replica is deciding at that moment: a guard against runaway
/// texting, where the cooldown and the budgets are the strict limits.
/// </summary>
public sealed class LoopGuard(RulesDbContext db, IOptions<LoopGuardOptions> options)
{
    /// <summary>The events of <paramref name="pending"/> (in the order they occurred) past the limit.</summary>
    public async Task<IReadOnlySet<InboundEvent>> LoopingAsync(IReadOnlyList<InboundEvent> pending, CancellationToken cancellationToken)
    {
        var (limit, window) = (options.Value.MaxEvents, options.Value.Window);
        var since = pending.Min(e => e.OccurredAt) - window;
        List<string> phoneNumbers = [.. pending.Select(e => e.PhoneNumber).Distinct()];
        List<string> contacts = [.. pending.Select(e => e.Contact).Distinct()];
        // Decided after it occurred: the bound on DecidedAt lets the (number, contact, decidedAt) index answer.
        var earlier = (await db.Decisions.AsNoTracking()
                .Where(d => phoneNumbers.Contains(d.PhoneNumber) && contacts.Contains(d.Contact) && d.DecidedAt >= since && d.OccurredAt >= since)
                .Select(d => new { d.PhoneNumber, d.Contact, d.OccurredAt })
                .ToListAsync(cancellationToken))
            .ToLookup(d => new ContactKey(d.PhoneNumber, d.Contact), d => d.OccurredAt);

        var looping = new HashSet<InboundEvent>();
        foreach (var contact in pending.GroupBy(e => new ContactKey(e.PhoneNumber, e.Contact)))
        {
            List<DateTimeOffset> seen = [.. earlier[contact.Key]];
            foreach (var e in contact)
            {
                seen.Add(e.OccurredAt);
                if (seen.Count(at => at > e.OccurredAt - window && at <= e.OccurredAt) > limit)
                {
                    looping.Add(e);
                }
            }
        }
        return looping;
    }
}
