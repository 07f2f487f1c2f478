using System.Net.Http.Headers;
using AutoReply.Security;
using Microsoft.AspNetCore.Authentication;

namespace AutoReply.Web.Rules;

/// <summary>
/// Sends the signed-in person's rules token (kept inside this app's cookie) with each call to rules,
/// and the workspace the page is about (its <c>{workspaceId}</c> route value): rules answers with
/// that workspace's data if the person is a member of it, and refuses otherwise.
/// </summary>
public sealed class PersonTokenHandler(IHttpContextAccessor http) : DelegatingHandler
{
    public const string AccessToken = "access_token";
    public const string RefreshToken = "refresh_token";
    public const string WorkspaceRouteValue = "workspaceId";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.Authorization is null && http.HttpContext is { } context
            && await context.GetTokenAsync(AccessToken) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (http.HttpContext?.GetRouteValue(WorkspaceRouteValue) is { } workspaceId)
        {
            // A retried request comes through again: a second value would name no workspace at all.
            request.Headers.Remove(IPersonAuthenticator.WorkspaceHeader);
            request.Headers.Add(IPersonAuthenticator.WorkspaceHeader, workspaceId.ToString());
        }
        return await base.SendAsync(request, cancellationToken);
    }
}
