using System.Net;
using System.Text.RegularExpressions;
using AutoReply.Web.RulesApi.Models;
using HttpValidationProblemDetails = AutoReply.Web.RulesApi.Models.HttpValidationProblemDetails;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Extensions.Localization;

namespace AutoReply.Web.Rules;

/// <summary>
/// A request rules refused, in its own words: the status, the detail, and for a 400 each field's
/// errors keyed as the API names the field (<c>message</c>, <c>businessHours.monday[1]</c>…), so a
/// page can show each next to its control.
/// </summary>
public sealed partial record RulesProblem(HttpStatusCode Status, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>The errors of <paramref name="field"/> and of the fields inside it (<c>overrides[0]</c> holds <c>overrides[0].date</c>).</summary>
    public IEnumerable<string> ErrorsOf(string field) => Errors
        .Where(error => error.Key == field || error.Key.StartsWith(field + ".", StringComparison.Ordinal) || error.Key.StartsWith(field + "[", StringComparison.Ordinal))
        .SelectMany(error => error.Value);

    /// <summary>
    /// The refusal in the owner's words and language, for the form it answers: the API's detail is
    /// for developers, in English. <paramref name="form"/> names the form (<c>NewReply</c>) whose
    /// words for the status (<c>Problem.NewReply.409</c>: the slot is taken) come first, then the
    /// words for the status anywhere, then a plain "could not save".
    /// </summary>
    public string Describe(IStringLocalizer t, string form) =>
        new[] { $"Problem.{form}.{(int)Status}", $"Problem.{(int)Status}", "Problem.Other" }
            .Select(key => t[key])
            .First(words => !words.ResourceNotFound);

    /// <summary>The problem the generated client raised: the problem details the API documents for the status, or the bare status.</summary>
    public static RulesProblem From(ApiException refusal, IStringLocalizer t)
    {
        var status = (HttpStatusCode)refusal.ResponseStatusCode;
        return refusal switch
        {
            HttpValidationProblemDetails validation => new(status, validation.Detail ?? validation.Title, InOwnerWords(FieldErrors(validation.Errors), t)),
            ProblemDetails problem => new(status, problem.Detail ?? problem.Title, NoErrors),
            _ => new(status, null, NoErrors),
        };
    }

    /// <summary>
    /// The API words its errors for developers (field names, "E.164", "ISO-8601"), in English: an
    /// owner reads what each field needs (<c>FieldError.businessHours</c> for <c>businessHours.monday[1]</c>)
    /// in the page's language; a field without such words keeps the API's.
    /// </summary>
    private static Dictionary<string, string[]> InOwnerWords(Dictionary<string, string[]> errors, IStringLocalizer t) =>
        errors.ToDictionary(error => error.Key, error => t[$"FieldError.{FieldKind(error.Key)}"] is { ResourceNotFound: false } words ? [words.Value] : error.Value, StringComparer.Ordinal);

    /// <summary><c>businessHours.monday[1]</c> → <c>businessHours</c>, <c>overrides[0].date</c> → <c>overrides.date</c>.</summary>
    private static string FieldKind(string field)
    {
        var path = IndexPattern().Replace(field, "");
        return path.StartsWith("businessHours.", StringComparison.Ordinal) ? "businessHours" : path;
    }

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex IndexPattern();

    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    // The errors object maps field names to messages: an object with additionalProperties, which Kiota reads as untyped data.
    private static Dictionary<string, string[]> FieldErrors(HttpValidationProblemDetails_errors? errors) =>
        (errors?.AdditionalData ?? new Dictionary<string, object>()).ToDictionary(
            field => field.Key,
            field => field.Value is UntypedArray messages ? [.. messages.GetValue().OfType<UntypedString>().Select(message => message.GetValue() ?? "")] : new[] { field.Value.ToString() ?? "" },
            StringComparer.Ordinal);
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
