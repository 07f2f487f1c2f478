namespace AutoReply.Rules.Templates;

/// <summary><c>GET /v1/templates</c>: the library of example messages.</summary>
public static class TemplateEndpoints
{
    public static IEndpointRouteBuilder MapTemplateEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/templates", () => Results.Ok(ExampleLibrary.All)).WithTags("Templates");
        return routes;
    }
}
