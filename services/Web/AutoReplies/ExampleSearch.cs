using AutoReply.Web.RulesApi.Models;

namespace AutoReply.Web.AutoReplies;

/// <summary>The example library searched by scenario: every word typed appears in the example's title, scenario or message.</summary>
public static class ExampleSearch
{
    public static IEnumerable<ExampleMessage> Find(IEnumerable<ExampleMessage> examples, string? words)
    {
        var terms = (words ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return examples.Where(example => terms.All(term =>
            (example.Title ?? "").Contains(term, StringComparison.OrdinalIgnoreCase)
            || (example.Scenario ?? "").Contains(term, StringComparison.OrdinalIgnoreCase)
            || (example.Message ?? "").Contains(term, StringComparison.OrdinalIgnoreCase)));
    }
}
