using System.Globalization;
using System.Security.Claims;
using AutoReply.Web.Rules;
using AutoReply.Web.RulesApi.Models;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace AutoReply.Web.Account;

/// <summary>
/// Signs a person in through the rules API (which checks the password and locks the account after
/// repeated failures) and keeps the rules tokens inside this app's encrypted cookie: the browser
/// never sees them. The session lasts a working day; the rules token inside it, an hour, is
/// refreshed when it is about to run out (<see cref="RefreshAsync"/>).
/// </summary>
public sealed class PersonSignIn(PersonSessions sessions, RulesClient rules, IHttpContextAccessor http, TimeProvider clock)
{
    public static readonly TimeSpan SessionLength = TimeSpan.FromHours(8);

    /// <summary>A token with less than this left is refreshed before the page calls rules with it.</summary>
    public static readonly TimeSpan RefreshAhead = TimeSpan.FromMinutes(5);

    public const string AccessTokenExpiresAt = "access_token_expires_at";

    /// <summary>Null once signed in; otherwise why not.</summary>
    public async Task<bool> SignInAsync(string email, string password, CancellationToken cancellationToken)
    {
        var tokens = await sessions.SignInAsync(email, password, cancellationToken);
        if (tokens is null)
        {
            return false;
        }

        var person = await rules.MeAsync(cancellationToken, tokens.AccessToken);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, person.Id.ToString()!), new Claim(ClaimTypes.Name, person.Email!)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        var properties = new AuthenticationProperties { ExpiresUtc = clock.GetUtcNow().Add(SessionLength) };
        Store(tokens, properties, clock);
        await http.HttpContext!.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity), properties);
        return true;
    }

    /// <summary>
    /// Runs as the cookie is read on each request: a rules token about to run out is exchanged for a
    /// new one and the cookie rewritten; a refresh token rules no longer takes ends the session.
    /// </summary>
    public static async Task RefreshAsync(CookieValidatePrincipalContext context)
    {
        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        var expiresAt = context.Properties.GetTokenValue(AccessTokenExpiresAt);
        if (expiresAt is not null && DateTimeOffset.Parse(expiresAt, CultureInfo.InvariantCulture) - clock.GetUtcNow() > RefreshAhead)
        {
            return;
        }

        var sessions = context.HttpContext.RequestServices.GetRequiredService<PersonSessions>();
        var refreshToken = context.Properties.GetTokenValue(PersonTokenHandler.RefreshToken);
        var tokens = refreshToken is null ? null : await sessions.RefreshAsync(refreshToken, context.HttpContext.RequestAborted);
        if (tokens is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        Store(tokens, context.Properties, clock);
        context.ShouldRenew = true;
    }

    private static void Store(AccessTokenResponse tokens, AuthenticationProperties properties, TimeProvider clock) =>
        properties.StoreTokens([
            new AuthenticationToken { Name = PersonTokenHandler.AccessToken, Value = tokens.AccessToken! },
            new AuthenticationToken { Name = PersonTokenHandler.RefreshToken, Value = tokens.RefreshToken! },
            new AuthenticationToken { Name = AccessTokenExpiresAt, Value = clock.GetUtcNow().AddSeconds(tokens.ExpiresIn ?? 0).ToString("O", CultureInfo.InvariantCulture) },
        ]);
}
