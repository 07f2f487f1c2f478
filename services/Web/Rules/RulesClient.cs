using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AutoReply.Contracts;
using Microsoft.Extensions.Options;

namespace AutoReply.Web.Rules;

public sealed record PersonTokens(string AccessToken, int ExpiresIn, string RefreshToken);

public sealed record PersonWorkspace(Guid WorkspaceId, string Name, WorkspaceRole Role);

public sealed record SignedInPerson(Guid Id, string Email, List<PersonWorkspace> Workspaces);

public sealed record NumberSummary(string PhoneNumber, string Name, string TimeZone, int ActiveAutoReplies);

/// <summary>A refused sign-in, in the rules API's words.</summary>
public sealed record SignInRefusal(string Reason);

/// <summary>The rules API as the web app calls it: as the signed-in person (<see cref="PersonTokenHandler"/>).</summary>
public sealed class RulesClient(HttpClient http, IOptions<RulesApiOptions> options)
{
    public async Task<(PersonTokens? Tokens, SignInRefusal? Refusal)> SignInAsync(string email, string password, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(Url("/v1/people/login"), new { email, password }, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            return (null, new SignInRefusal(problem.TryGetProperty("detail", out var detail) ? detail.GetString()! : "The email or the password is not right."));
        }
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<PersonTokens>(cancellationToken), null);
    }

    /// <summary>Who <paramref name="accessToken"/> is (right after sign-in, before the cookie carries it), or the signed-in person.</summary>
    public async Task<SignedInPerson> MeAsync(CancellationToken cancellationToken, string? accessToken = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url("/v1/people/me"));
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<SignedInPerson>(cancellationToken))!;
    }

    /// <summary>The numbers of the workspace the page is about (<see cref="PersonTokenHandler"/> names it).</summary>
    public async Task<List<NumberSummary>> NumbersAsync(CancellationToken cancellationToken) =>
        (await http.GetFromJsonAsync<List<NumberSummary>>(Url("/v1/numbers?limit=500"), cancellationToken))!;

    private Uri Url(string path) => new(options.Value.Url, path);
}
