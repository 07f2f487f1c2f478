using AutoReply.Domain.Templates;

namespace AutoReply.RulesApi.Templates;

/// <summary><c>GET /v1/templates</c>: the library of example messages.</summary>
public static class TemplateEndpoints
{
    public static IEndpointRouteBuilder MapTemplateEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/templates", () => TypedResults.Ok(ExampleLibrary.All)).WithTags("Templates")
            .WithSummary("The library of example messages, each a starting text for a common scenario");
        return routes;
    }
}
