using AutoReply.ServiceDefaults.Http;
using AutoReply.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using AutoReply.RulesApi.Numbers;

namespace AutoReply.RulesApi.Explain;

/// <summary><c>POST /v1/numbers/{phoneNumber}/explain</c>: a dry run of the evaluation (docs/http-api.md).</summary>
public static class ExplainEndpoints
{
    public static IEndpointRouteBuilder MapExplainEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/v1/numbers/{phoneNumber}/explain", ExplainAsync).WithTags("Numbers")
            .WithSummary("What a decision for this contact would be now, and why, rule by rule, without deciding, claiming or sending anything")
            .RequireScope(ApiScopes.DecisionsRead)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Results<Ok<Explanation>, ValidationProblem, ProblemHttpResult>> ExplainAsync(
        string phoneNumber, ExplainRequest? request, ExplainRequestValidator validator, ReplyExplainer explainer, [AsParameters] Caller caller)
    {
        var (user, cancellationToken) = caller;
        var validated = validator.Validate(request);
        if (!validated.IsValid)
        {
            return Problems.Invalid(validated.Errors);
        }
        return await explainer.ExplainAsync(phoneNumber, validated.Value, user, cancellationToken) is { } explanation
            ? TypedResults.Ok(explanation)
            : NumberEndpoints.NumberNotFound(phoneNumber);
    }
}
