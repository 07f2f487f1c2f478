using Microsoft.AspNetCore.Localization;
using AutoReply.Web.Account;
using Microsoft.AspNetCore.Mvc;

namespace AutoReply.Web.Localization;

public static class LanguageEndpoints
{
    /// <summary>
    /// <c>POST /language</c> from the layout's switch (with its antiforgery token): the language is
    /// remembered in a cookie, and the person is back on the page they were reading.
    /// </summary>
    public static IEndpointRouteBuilder MapLanguageEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/language", ([FromForm] string language, [FromForm] string? returnUrl, HttpContext context) =>
        {
            if (!Languages.All.Contains(language))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown language",
                    detail: $"The language must be one of {string.Join(", ", Languages.All)}.");
            }
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
                new CookieOptions { MaxAge = Languages.Remembered, HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            return Results.LocalRedirect(ReturnUrls.LocalOrHome(returnUrl));
        });
        return routes;
    }
}
