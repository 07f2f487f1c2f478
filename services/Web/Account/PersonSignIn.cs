using System.Security.Claims;
using AutoReply.Web.Rules;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace AutoReply.Web.Account;

/// <summary>
/// Signs a person in through the rules API (which checks the password and locks the account after
/// repeated failures) and keeps the rules token inside this app's encrypted cookie: the browser
/// never sees it.
/// </summary>
public sealed class PersonSignIn(RulesClient rules, IHttpContextAccessor http, TimeProvider clock)
{
    /// <summary>As long as the rules token the cookie carries.</summary>
    public static readonly TimeSpan SessionLength = TimeSpan.FromHours(1);

    /// <summary>Null once signed in; otherwise why not.</summary>
    public async Task<string?> SignInAsync(string email, string password, CancellationToken cancellationToken)
    {
        var (tokens, refusal) = await rules.SignInAsync(email, password, cancellationToken);
        if (tokens is null)
        {
            return refusal!.Reason;
        }

        var person = await rules.MeAsync(cancellationToken, tokens.AccessToken);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, person.Id.ToString()), new Claim(ClaimTypes.Name, person.Email)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        var properties = new AuthenticationProperties { ExpiresUtc = clock.GetUtcNow().AddSeconds(tokens.ExpiresIn) };
        properties.StoreTokens([
            new AuthenticationToken { Name = PersonTokenHandler.AccessToken, Value = tokens.AccessToken },
            new AuthenticationToken { Name = PersonTokenHandler.RefreshToken, Value = tokens.RefreshToken },
        ]);
        await http.HttpContext!.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity), properties);
        return null;
    }
}
