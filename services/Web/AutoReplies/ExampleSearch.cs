using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AutoReply.Web.RulesApi.Models;
using Humanizer;

namespace AutoReply.Web.AutoReplies;

/// <summary>
/// The example library searched by scenario: every word typed begins a word of the example (its
/// title, scenario, message, or the English and French words it is known by), as typed or in the
/// singular, whatever the case and accents: "dentists" and "dent" find the dental office, "manque"
/// the missed call.
/// </summary>
public static partial class ExampleSearch
{
    public static IEnumerable<ExampleMessage> Find(IEnumerable<ExampleMessage> examples, string? words)
    {
        List<string[]> terms = [.. Words(words).Select(term => new[] { term, term.Singularize(inputIsKnownToBePlural: false) })];
        return examples.Where(example =>
        {
            var own = Words(string.Join(' ', [example.Title, example.Scenario, example.Message, .. example.Keywords ?? []])).ToList();
            return terms.All(forms => own.Any(word => forms.Any(form => word.StartsWith(form, StringComparison.Ordinal))));
        });
    }

    /// <summary>Lower case, without accents, split at whatever is not a letter or a digit.</summary>
    private static IEnumerable<string> Words(string? text) =>
        NotAWord().Split(WithoutAccents((text ?? "").ToLowerInvariant())).Where(word => word.Length > 0);

    private static string WithoutAccents(string text) =>
        string.Concat(text.Normalize(NormalizationForm.FormD).Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark));

    [GeneratedRegex(@"[^\p{L}\p{Nd}]+")]
    private static partial Regex NotAWord();
}
