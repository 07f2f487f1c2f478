using AutoReply.Web.Account;
using AutoReply.Web.Localization;
using AutoReply.Web.Rules;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using StackExchange.Redis;

namespace AutoReply.Web;

public static class WebRegistration
{
    public const string DataProtectionKeys = "autoreply-web:data-protection-keys";

    /// <summary>
    /// The business's web app: Razor components rendered on the server, people signed in with a
    /// cookie of this app (HTTP-only, SameSite=Lax) carrying their rules tokens, every form with its
    /// antiforgery token, and the rules API called with the person's token.
    /// </summary>
    public static IHostApplicationBuilder AddWeb(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddRedis();
        // Every replica reads every replica's cookies: the key ring is shared in Redis. Should Redis
        // lose it, people sign in again; nothing else is kept with these keys.
        builder.Services.AddDataProtection().SetApplicationName("autoreply-web");
        builder.Services.AddOptions<KeyManagementOptions>().Configure<IConnectionMultiplexer>((options, redis) =>
            options.XmlRepository = new RedisXmlRepository(() => redis.GetDatabase(), DataProtectionKeys));
        builder.Services.AddRazorComponents();
        builder.Services.AddLanguages();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = "autoreply";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.LoginPath = "/login";
                cookie.ExpireTimeSpan = PersonSignIn.SessionLength;
                cookie.Events.OnValidatePrincipal = PersonSignIn.RefreshAsync;
            });
        builder.Services.AddAuthorization();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddOptions<RulesApiOptions>().Bind(builder.Configuration.GetSection(RulesApiOptions.Section));
        builder.Services.AddTransient<PersonTokenHandler>();
        builder.Services.AddMemoryCache();
        builder.Services.AddHttpClient<RulesClient>().AddHttpMessageHandler<PersonTokenHandler>();
        builder.Services.AddHttpClient<PersonSessions>();
        builder.Services.AddScoped<PersonSignIn>();
        return builder;
    }

    /// <summary>
    /// Errors as pages a person reads: another workspace's page is a 403 that says so, any other
    /// failure says so plainly (a number or an auto-reply that is gone is the router's not-found page).
    /// </summary>
    public static WebApplication UseErrorPages(this WebApplication app)
    {
        // Outside the exception handler: the error page it renders is an answer, not a bare status to dress.
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            CreateScopeForErrors = true,
            StatusCodeSelector = exception => exception is RulesRefusedException { Problem.Status: System.Net.HttpStatusCode.Forbidden }
                ? StatusCodes.Status403Forbidden
                : StatusCodes.Status500InternalServerError,
        });
        return app;
    }
}
