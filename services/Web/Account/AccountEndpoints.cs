using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace AutoReply.Web.Account;

public static class AccountEndpoints
{
    /// <summary><c>POST /logout</c> from the layout's form (with its antiforgery token): the cookie, and the rules token in it, are gone.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.LocalRedirect("/login");
        });
        return routes;
    }
}
