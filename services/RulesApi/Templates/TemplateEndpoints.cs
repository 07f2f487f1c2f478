using AutoReply.Contracts;
using AutoReply.Domain.Templates;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace AutoReply.RulesApi.Templates;

/// <summary><c>GET /v1/templates</c>: the library of example messages, in the language asked for.</summary>
public static class TemplateEndpoints
{
    public static IEndpointRouteBuilder MapTemplateEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/templates", ([FromHeader(Name = "Accept-Language")] string? acceptLanguage, HttpResponse response) =>
            {
                var language = LanguageAskedFor(acceptLanguage);
                response.Headers.ContentLanguage = Vocabulary.Name(language);
                response.Headers.Vary = HeaderNames.AcceptLanguage;
                return TypedResults.Ok(ExampleLibrary.In(language));
            })
            .WithTags("Templates")
            .WithSummary("The library of example messages, each a starting text for a common scenario")
            .WithDescription("In the first language of Accept-Language the library has (en, fr; fr-CA counts as fr), English when none; Content-Language names it.");
        return routes;
    }

    /// <summary>The library's language the header prefers most (highest quality first, then in its order; q=0 refuses one); English when none.</summary>
    private static ReplyLanguage LanguageAskedFor(string? acceptLanguage) =>
        acceptLanguage is not null && StringWithQualityHeaderValue.TryParseList([acceptLanguage], out var ranges)
            ? ranges.Where(range => range.Quality != 0).OrderByDescending(range => range.Quality ?? 1)
                .Select(range => Vocabulary.TryParse<ReplyLanguage>(range.Value.Value?.Split('-')[0].ToLowerInvariant(), out var language) ? language : (ReplyLanguage?)null)
                .FirstOrDefault(language => language is not null) ?? ReplyLanguage.English
            : ReplyLanguage.English;
}
