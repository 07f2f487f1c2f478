using System.Net;
using AutoReply.Web.Rules;
using AutoReply.Web.RulesApi;
using AutoReply.Web.RulesApi.Models;
using AutoReply.Web.RulesApi.V1.People.Login;
using AutoReply.Web.RulesApi.V1.People.Refresh;
using Microsoft.Extensions.Options;

namespace AutoReply.Web.Account;

/// <summary>
/// The rules API's sign-in and refresh, called without the person's token: they run while the cookie
/// is being read, before any token is at hand (<see cref="PersonTokenHandler"/> would ask for it).
/// </summary>
public sealed class PersonSessions(HttpClient http, IOptions<RulesApiOptions> options)
{
    private readonly RulesApiClient api = options.Value.ClientFor(http);

    /// <summary>The tokens, or null when the email or the password is not right.</summary>
    public async Task<AccessTokenResponse?> SignInAsync(string email, string password, CancellationToken cancellationToken)
    {
        try
        {
            return await api.V1.People.Login.PostAsync(new LoginPostRequestBody { Email = email, Password = password }, cancellationToken: cancellationToken);
        }
        catch (ProblemDetails refusal) when (refusal.ResponseStatusCode == (int)HttpStatusCode.Unauthorized)
        {
            return null;
        }
    }

    /// <summary>New tokens, or null when the refresh token no longer works (expired, or the password changed).</summary>
    public async Task<AccessTokenResponse?> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        try
        {
            return await api.V1.People.Refresh.PostAsync(new RefreshPostRequestBody { RefreshToken = refreshToken }, cancellationToken: cancellationToken);
        }
        catch (ProblemDetails refusal) when (refusal.ResponseStatusCode == (int)HttpStatusCode.Unauthorized)
        {
            return null;
        }
    }
}
