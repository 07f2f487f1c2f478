using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using AutoReply.Web.Account;
using AutoReply.Web.Rules;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AutoReply.UnitTests.Web;

/// <summary>
/// The web app's session as its cookie is read: the rules token inside it is exchanged before it
/// runs out, and a refresh token rules no longer takes ends the session. Rules' refresh endpoint is
/// played by a handler answering as it does (docs/http-api.md "People and members").
/// </summary>
public sealed class PersonSessionRefreshTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-29T10:00:00Z", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_rules_token_about_to_run_out_is_exchanged_and_the_cookie_rewritten()
    {
        var context = Cookie(accessTokenLeft: TimeSpan.FromMinutes(2), new RefreshAnswering(HttpStatusCode.OK));

        await PersonSignIn.RefreshAsync(context);

        Assert.Equal("fresh-access", context.Properties.GetTokenValue(PersonTokenHandler.AccessToken));
        Assert.Equal("fresh-refresh", context.Properties.GetTokenValue(PersonTokenHandler.RefreshToken));
        Assert.Equal(Now.AddHours(1), DateTimeOffset.Parse(context.Properties.GetTokenValue(PersonSignIn.AccessTokenExpiresAt)!, CultureInfo.InvariantCulture));
        Assert.True(context.ShouldRenew);
        Assert.NotNull(context.Principal);
    }

    [Fact]
    public async Task A_rules_token_with_time_left_is_kept()
    {
        var context = Cookie(accessTokenLeft: TimeSpan.FromMinutes(30), new RefreshAnswering(HttpStatusCode.OK));

        await PersonSignIn.RefreshAsync(context);

        Assert.Equal("old-access", context.Properties.GetTokenValue(PersonTokenHandler.AccessToken));
        Assert.False(context.ShouldRenew);
    }

    [Fact]
    public async Task A_refresh_token_rules_refuses_ends_the_session()
    {
        var context = Cookie(accessTokenLeft: TimeSpan.FromMinutes(-1), new RefreshAnswering(HttpStatusCode.Unauthorized));

        await PersonSignIn.RefreshAsync(context);

        Assert.Null(context.Principal);
        Assert.Contains(context.HttpContext.Response.Headers.SetCookie, cookie => cookie!.StartsWith("autoreply=;", StringComparison.Ordinal));
    }

    private static CookieValidatePrincipalContext Cookie(TimeSpan accessTokenLeft, HttpMessageHandler rules)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(Now))
            .AddSingleton(Options.Create(new RulesApiOptions()))
            .AddSingleton(new PersonSessions(new HttpClient(rules), Options.Create(new RulesApiOptions())));
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie => cookie.Cookie.Name = "autoreply");
        var http = new DefaultHttpContext { RequestServices = services.BuildServiceProvider() };
        var properties = new AuthenticationProperties();
        properties.StoreTokens([
            new AuthenticationToken { Name = PersonTokenHandler.AccessToken, Value = "old-access" },
            new AuthenticationToken { Name = PersonTokenHandler.RefreshToken, Value = "old-refresh" },
            new AuthenticationToken { Name = PersonSignIn.AccessTokenExpiresAt, Value = Now.Add(accessTokenLeft).ToString("O", CultureInfo.InvariantCulture) },
        ]);
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "owner@example.com")], CookieAuthenticationDefaults.AuthenticationScheme));
        return new CookieValidatePrincipalContext(
            http,
            new AuthenticationScheme(CookieAuthenticationDefaults.AuthenticationScheme, null, typeof(CookieAuthenticationHandler)),
            new CookieAuthenticationOptions(),
            new AuthenticationTicket(principal, properties, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    /// <summary>Rules' <c>POST /v1/people/refresh</c>: new tokens for the old refresh token, or 401.</summary>
    private sealed class RefreshAnswering(HttpStatusCode status) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Assert.Equal("/v1/people/refresh", request.RequestUri!.AbsolutePath);
            var body = await request.Content!.ReadFromJsonAsync<Dictionary<string, string>>(cancellationToken);
            Assert.Equal("old-refresh", body!["refreshToken"]);
            return status == HttpStatusCode.OK
                ? new HttpResponseMessage(status) { Content = JsonContent.Create(new { tokenType = "Bearer", accessToken = "fresh-access", expiresIn = 3600, refreshToken = "fresh-refresh" }) }
                : new HttpResponseMessage(status) { Content = new StringContent("""{"title":"Unauthorized","status":401}""", System.Text.Encoding.UTF8, "application/problem+json") };
        }
    }
}
