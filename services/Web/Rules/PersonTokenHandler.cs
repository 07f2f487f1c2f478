using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication;

namespace AutoReply.Web.Rules;

/// <summary>Sends the signed-in person's rules token (kept inside this app's cookie) with each call to rules.</summary>
public sealed class PersonTokenHandler(IHttpContextAccessor http) : DelegatingHandler
{
    public const string AccessToken = "access_token";
    public const string RefreshToken = "refresh_token";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.Authorization is null && http.HttpContext is { } context
            && await context.GetTokenAsync(AccessToken) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await base.SendAsync(request, cancellationToken);
    }
}
