using System.Security.Cryptography;
using System.Text;
using AutoReply.Web.Localization;
using AutoReply.Web.Rules;
using AutoReply.Web.RulesApi.Models;
using Microsoft.Extensions.Localization;

namespace AutoReply.Web.Activity;

/// <summary>
/// A page of Activity as it is shown: its decisions, whether older ones follow, each number's name
/// and time zone, and each auto-reply's slot in words. <see cref="Fingerprint"/> changes whenever
/// anything shown of the decisions does (a new one, a delivery, a cancelled wait).
/// </summary>
public sealed record ActivityView(
    IReadOnlyList<DecisionResponse> Decisions,
    bool HasOlder,
    IReadOnlyDictionary<string, NumberSettingsResponse?> Numbers,
    IReadOnlyDictionary<Guid, string> Conditions)
{
    public const int PageSize = 20;

    public string Fingerprint { get; } = FingerprintOf(Decisions);

    public Guid? Newest => Decisions.Count > 0 ? Decisions[0].Id : null;

    public static string FingerprintOf(IEnumerable<DecisionResponse> decisions) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', decisions.Select(d => $"{d.Id}:{d.Outcome}:{d.State}")))))[..16];

    /// <summary>
    /// One page, newest first (a 400, a contact that is not a phone number, is the problem to show).
    /// The names, zones and slots are read only for the decisions shown.
    /// </summary>
    public static async Task<RulesAnswer<ActivityView>> ReadAsync(RulesClient rules, IStringLocalizer t, string? contact, string? eventId, int page)
    {
        // One more than a page tells whether there is an older page.
        var answer = await rules.DecisionsAsync(contact?.Trim(), eventId?.Trim(), PageSize + 1, (page - 1) * PageSize, CancellationToken.None);
        if (answer.Value is not { } found)
        {
            return new(null, answer.Problem);
        }
        return new(await ShowAsync(rules, t, found), null);
    }

    /// <summary>The page <paramref name="found"/> (up to one more than a page) makes, with what its decisions need read.</summary>
    public static async Task<ActivityView> ShowAsync(RulesClient rules, IStringLocalizer t, List<DecisionResponse> found)
    {
        var shown = found.Take(PageSize).ToList();
        var numbers = new Dictionary<string, NumberSettingsResponse?>();
        foreach (var phoneNumber in shown.Select(d => d.PhoneNumber!).Distinct())
        {
            // Its name and time zone: a business reads its numbers by name, and times as its clocks show them.
            numbers[phoneNumber] = await rules.NumberAsync(phoneNumber, CancellationToken.None);
        }
        var conditions = new Dictionary<Guid, string>();
        foreach (var phoneNumber in shown.Where(d => d.AutoReplyId is not null).Select(d => d.PhoneNumber!).Distinct())
        {
            foreach (var reply in await rules.AutoRepliesAsync(phoneNumber, CancellationToken.None))
            {
                conditions[reply.Id!.Value] = VocabularyWords.Slot(t, reply.Trigger, reply.Schedule);
            }
        }
        return new ActivityView(shown, found.Count > PageSize, numbers, conditions);
    }
}
