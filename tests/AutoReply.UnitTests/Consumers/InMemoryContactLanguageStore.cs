using AutoReply.Domain.Languages;
using AutoReply.Domain.Policy;

namespace AutoReply.UnitTests.Consumers;

internal sealed class InMemoryContactLanguageStore : IContactLanguageStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<ContactKey, ContactLanguage> latest = [];

    public Task RecordAsync(IReadOnlyCollection<ContactLanguage> texts, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            foreach (var text in texts)
            {
                var key = new ContactKey(text.PhoneNumber, text.Contact);
                if (!latest.TryGetValue(key, out var current) || current.TextAt < text.TextAt)
                {
                    latest[key] = text;
                }
            }
        }
        return Task.CompletedTask;
    }

    public Task<Dictionary<ContactKey, ContactLanguage>> ReadAsync(IReadOnlyCollection<ContactKey> asked, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(asked.Where(latest.ContainsKey).ToDictionary(key => key, key => latest[key]));
        }
    }
}
