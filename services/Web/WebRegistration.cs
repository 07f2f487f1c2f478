using AutoReply.Web.Account;
using AutoReply.Web.Rules;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace AutoReply.Web;

public static class WebRegistration
{
    /// <summary>
    /// The business's web app: Razor components rendered on the server, people signed in with a
    /// cookie of this app (HTTP-only, SameSite=Lax, an hour like the rules token it carries), every
    /// form with its antiforgery token, and the rules API called with the person's token.
    /// </summary>
    public static IHostApplicationBuilder AddWeb(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddRazorComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = "autoreply";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.LoginPath = "/login";
                cookie.ExpireTimeSpan = PersonSignIn.SessionLength;
                cookie.SlidingExpiration = false;
            });
        builder.Services.AddAuthorization();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddOptions<RulesApiOptions>().Bind(builder.Configuration.GetSection(RulesApiOptions.Section));
        builder.Services.AddTransient<PersonTokenHandler>();
        builder.Services.AddHttpClient<RulesClient>().AddHttpMessageHandler<PersonTokenHandler>();
        builder.Services.AddScoped<PersonSignIn>();
        return builder;
    }
}
