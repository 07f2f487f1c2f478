using AutoReply.Contracts;
using AutoReply.Domain.Data;
using AutoReply.Domain.Policy;
using Microsoft.EntityFrameworkCore;

namespace AutoReply.Domain.Languages;

/// <summary>The language of each contact's last text to a number that could be told.</summary>
public interface IContactLanguageStore
{
    /// <summary>Records the texts' languages, in the caller's transaction; a text older than the one on record changes nothing.</summary>
    Task RecordAsync(IReadOnlyCollection<ContactLanguage> texts, CancellationToken cancellationToken);

    /// <summary>What is on record for each contact asked about that has a told text.</summary>
    Task<Dictionary<ContactKey, ContactLanguage>> ReadAsync(IReadOnlyCollection<ContactKey> asked, CancellationToken cancellationToken);
}

/// <summary>
/// One row per number and contact, only ever moved forward in time (texts are decided out of
/// order). PostgreSQL only, no Redis copy: it is read just for numbers with messages in more than
/// one language, once per batch.
/// </summary>
public sealed class ContactLanguageStore(RulesDbContext db) : IContactLanguageStore
{
    public async Task RecordAsync(IReadOnlyCollection<ContactLanguage> texts, CancellationToken cancellationToken)
    {
        if (texts.Count == 0)
        {
            return;
        }
        // One row may be updated once per statement: each contact's latest text only, in lock order.
        var latest = texts
            .GroupBy(t => new ContactKey(t.PhoneNumber, t.Contact), (_, byContact) => byContact.MaxBy(t => t.TextAt)!)
            .Order(Comparer<ContactLanguage>.Create((a, b) => ContactKey.LockOrder.Compare(new(a.PhoneNumber, a.Contact), new(b.PhoneNumber, b.Contact))))
            .ToList();
        string[] phoneNumbers = [.. latest.Select(t => t.PhoneNumber)];
        string[] contacts = [.. latest.Select(t => t.Contact)];
        string[] languages = [.. latest.Select(t => Vocabulary.Name(t.Language))];
        DateTimeOffset[] textAt = [.. latest.Select(t => t.TextAt.ToUniversalTime())];
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO rules.contact_languages AS known ("PhoneNumber", "Contact", "Language", "TextAt")
            SELECT * FROM unnest({phoneNumbers}, {contacts}, {languages}, {textAt})
            ON CONFLICT ("PhoneNumber", "Contact") DO UPDATE
            SET "Language" = excluded."Language", "TextAt" = excluded."TextAt"
            WHERE known."TextAt" < excluded."TextAt"
            """,
            cancellationToken);
    }

    public async Task<Dictionary<ContactKey, ContactLanguage>> ReadAsync(IReadOnlyCollection<ContactKey> asked, CancellationToken cancellationToken)
    {
        if (asked.Count == 0)
        {
            return [];
        }
        string[] phoneNumbers = [.. asked.Select(k => k.PhoneNumber)];
        string[] contacts = [.. asked.Select(k => k.Contact)];
        return await db.ContactLanguages
            .FromSql(
                $"""
                SELECT known.* FROM rules.contact_languages AS known
                JOIN unnest({phoneNumbers}, {contacts}) AS asked ("PhoneNumber", "Contact")
                  ON known."PhoneNumber" = asked."PhoneNumber" AND known."Contact" = asked."Contact"
                """)
            .AsNoTracking()
            .ToDictionaryAsync(l => new ContactKey(l.PhoneNumber, l.Contact), cancellationToken);
    }
}
