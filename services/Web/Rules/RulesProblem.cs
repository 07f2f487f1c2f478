using System.Net;
using System.Text.Json;

namespace AutoReply.Web.Rules;

/// <summary>
/// A request rules refused, in its own words: the status, the detail, and for a 400 each field's
/// errors keyed as the API names the field (<c>message</c>, <c>businessHours.monday[1]</c>…), so a
/// page can show each next to its control.
/// </summary>
public sealed record RulesProblem(HttpStatusCode Status, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>The errors of <paramref name="field"/> and of the fields inside it (<c>overrides[0]</c> holds <c>overrides[0].date</c>).</summary>
    public IEnumerable<string> ErrorsOf(string field) => Errors
        .Where(error => error.Key == field || error.Key.StartsWith(field + ".", StringComparison.Ordinal) || error.Key.StartsWith(field + "[", StringComparison.Ordinal))
        .SelectMany(error => error.Value);

    public static async Task<RulesProblem> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? detail = null;
        if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            detail = problem.TryGetProperty("detail", out var text) ? text.GetString() : problem.TryGetProperty("title", out var title) ? title.GetString() : null;
            if (problem.TryGetProperty("errors", out var fields))
            {
                foreach (var field in fields.EnumerateObject())
                {
                    errors[field.Name] = [.. field.Value.EnumerateArray().Select(message => message.GetString() ?? "")];
                }
            }
        }
        return new RulesProblem(response.StatusCode, detail, errors);
    }
}

/// <summary>Rules refused what a page needed to show (403 for another workspace, 404 for a number that is gone): the error page says which.</summary>
public sealed class RulesRefusedException(RulesProblem problem) : Exception(problem.Detail ?? $"The rules API answered {(int)problem.Status}.")
{
    public RulesProblem Problem { get; } = problem;
}

/// <summary>What a change sent to rules came to: the stored result, or the problem to show next to the form.</summary>
public sealed record RulesAnswer<T>(T? Value, RulesProblem? Problem)
{
    public bool Succeeded => Problem is null;
}
