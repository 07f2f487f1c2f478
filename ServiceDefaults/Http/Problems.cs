using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AutoReply.ServiceDefaults.Http;

/// <summary>
/// The problem-details answers of every endpoint (RFC 9457), worded here once: a client reads the
/// same title for the same kind of problem whichever endpoint it called.
/// </summary>
public static class Problems
{
    public const string InvalidTitle = "The request is not valid; nothing was changed.";

    /// <summary>400 with the field-error map: the request changed nothing.</summary>
    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) => TypedResults.ValidationProblem(errors, title: InvalidTitle);

    /// <summary>400 with one field's error.</summary>
    public static ValidationProblem Invalid(string field, string error) => Invalid(new Dictionary<string, string[]> { [field] = [error] });

    /// <summary>403: the caller is known not to be who it claims (a webhook with a wrong signature).</summary>
    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail);

    /// <summary>404: what the path names does not exist (any more).</summary>
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);

    /// <summary>409: the request conflicts with the current state; <paramref name="detail"/> says how to resolve it.</summary>
    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);

    /// <summary>503: a dependency does not answer; the request changed nothing and may be retried.</summary>
    public static ProblemHttpResult Unavailable(string dependency) =>
        TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Dependency unavailable", detail: UnavailableDetail(dependency));

    public static string UnavailableDetail(string dependency) => $"The {dependency} does not answer; nothing was changed. Retry later.";
}
