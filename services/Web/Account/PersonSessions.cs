using System.Net;
using AutoReply.Web.Rules;
using Microsoft.Extensions.Options;

namespace AutoReply.Web.Account;

/// <summary>
/// The rules API's sign-in and refresh, called without the person's token: they run while the cookie
/// is being read, before any token is at hand (<see cref="PersonTokenHandler"/> would ask for it).
/// </summary>
public sealed class PersonSessions(HttpClient http, IOptions<RulesApiOptions> options)
{
    /// <summary>The tokens, or why not in the rules API's words.</summary>
    public async Task<(PersonTokens? Tokens, string? Refusal)> SignInAsync(string email, string password, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(new Uri(options.Value.Url, "/v1/people/login"), new { email, password }, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            return (null, (await RulesProblem.ReadAsync(response, cancellationToken)).Detail ?? "The email or the password is not right.");
        }
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<PersonTokens>(cancellationToken), null);
    }

    /// <summary>New tokens, or null when the refresh token no longer works (expired, or the password changed).</summary>
    public async Task<PersonTokens?> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(new Uri(options.Value.Url, "/v1/people/refresh"), new { refreshToken }, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            return null;
        }
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<PersonTokens>(cancellationToken);
    }
}
