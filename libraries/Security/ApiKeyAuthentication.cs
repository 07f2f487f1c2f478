using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using AutoReply.ServiceDefaults.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AutoReply.Security;

/// <summary>
/// <c>Authorization: Bearer &lt;api key&gt;</c> on every endpoint of ingress and rules (docs/http-api.md).
/// A request presents one of three keys: a workspace's key, created through the API and found by
/// the service's <see cref="IApiKeyResolver"/>; the configured key (<c>AUTOREPLY_API_KEY</c>,
/// <c>dev-key</c> in Development), a key of the default workspace with every scope, so that clients
/// from before workspaces keep working; or, on the rules API, the platform administrator's key
/// (<c>AUTOREPLY_ADMIN_KEY</c>, <c>dev-admin-key</c> in Development), which creates workspaces.
/// On the rules API a signed-in person's token is taken too (<see cref="IPersonAuthenticator"/>).
/// </summary>
public static class ApiKeyAuthentication
{
    public const string SchemeName = "ApiKey";
    public const string KeyVariable = "AUTOREPLY_API_KEY";
    public const string AdminKeyVariable = "AUTOREPLY_ADMIN_KEY";
    public const string DevelopmentKey = "dev-key";
    public const string DevelopmentAdminKey = "dev-admin-key";

    /// <param name="platformAdministration">Whether this service takes the administrator's key (required outside Development).</param>
    public static IHostApplicationBuilder AddApiKeyAuthentication(this IHostApplicationBuilder builder, bool platformAdministration = false)
    {
        var development = builder.Environment.IsDevelopment();
        var configuredKey = NonEmpty(builder.Configuration[KeyVariable]) ?? (development ? DevelopmentKey : null);
        var adminKey = platformAdministration
            ? NonEmpty(builder.Configuration[AdminKeyVariable]) ?? (development
                ? DevelopmentAdminKey
                : throw new InvalidOperationException($"Set {AdminKeyVariable}: the platform administrator's key is required outside Development."))
            : null;

        builder.Services.AddAuthentication(SchemeName)
            .AddScheme<ApiKeyOptions, ApiKeyHandler>(SchemeName, options =>
            {
                options.ConfiguredKey = configuredKey;
                options.AdminKey = adminKey;
            });
        var authorization = builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(SchemeName).RequireAuthenticatedUser().Build())
            .AddPolicy(ApiScopes.PlatformAdmin, policy => policy.AddAuthenticationSchemes(SchemeName).RequireRole(ApiScopes.PlatformAdmin));
        foreach (var scope in ApiScopes.All)
        {
            authorization.AddPolicy(scope, policy => policy.AddAuthenticationSchemes(SchemeName).RequireClaim(ApiClaims.Scope, scope));
        }
        return builder;
    }

    /// <summary>The key (or token) of an <c>Authorization: Bearer</c> header; null without one.</summary>
    public static string? PresentedKey(HttpRequest request)
    {
        const string BearerPrefix = "Bearer ";
        string? header = request.Headers.Authorization;
        return header is not null && header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) ? header[BearerPrefix.Length..].Trim() : null;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

public sealed class ApiKeyOptions : AuthenticationSchemeOptions
{
    public string? ConfiguredKey { get; set; }

    public string? AdminKey { get; set; }
}

public sealed class ApiKeyHandler(IOptionsMonitor<ApiKeyOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<ApiKeyOptions>(options, logger, encoder)
{
    /// <summary>What the rate limits and logs call the configured key: it has no prefix of its own.</summary>
    public const string ConfiguredKeyName = "configured-key";

    private const int RetryAfterSeconds = 5;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (ApiKeyAuthentication.PresentedKey(Request) is not { } presented)
        {
            return AuthenticateResult.NoResult();
        }

        if (Matches(presented, Options.AdminKey))
        {
            return Success(new ClaimsIdentity([new Claim(ClaimTypes.Name, ApiScopes.PlatformAdmin), new Claim(ClaimTypes.Role, ApiScopes.PlatformAdmin)], Scheme.Name));
        }
        if (Matches(presented, Options.ConfiguredKey))
        {
            return Success(Identity(new ApiKeyIdentity(Guid.Empty, ConfiguredKeyName, DefaultWorkspace.Id, ApiScopes.All)));
        }

        var resolver = Context.RequestServices.GetService<IApiKeyResolver>();
        try
        {
            if (resolver is not null && await resolver.ResolveAsync(presented, Context.RequestAborted) is { } key)
            {
                return Success(Identity(key));
            }
        }
        catch (ApiKeyCheckUnavailableException ex)
        {
            return AuthenticateResult.Fail(ex);
        }

        var people = Context.RequestServices.GetService<IPersonAuthenticator>();
        return people is not null && await people.AuthenticateAsync(Context) is { } person
            ? Success(new ClaimsIdentity(person.Claims, Scheme.Name))
            : AuthenticateResult.Fail("The API key is not valid.");
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        if (result.Failure is ApiKeyCheckUnavailableException unavailable)
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            await WriteProblemAsync(StatusCodes.Status503ServiceUnavailable, "Dependency unavailable", Problems.UnavailableDetail(unavailable.Dependency));
            return;
        }

        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await WriteProblemAsync(StatusCodes.Status401Unauthorized, "Unauthorized", "Send the API key as 'Authorization: Bearer <api key>'.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return WriteProblemAsync(StatusCodes.Status403Forbidden, "Forbidden",
            "This API key does not have the scope this endpoint needs; nothing was changed.");
    }

    private static bool Matches(string presented, string? expected) =>
        expected is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));

    private ClaimsIdentity Identity(ApiKeyIdentity key) => new(
        [
            new Claim(ClaimTypes.Name, key.Prefix),
            new Claim(ApiClaims.KeyId, key.KeyId.ToString()),
            new Claim(ApiClaims.Workspace, key.WorkspaceId.ToString()),
            .. key.Scopes.Select(scope => new Claim(ApiClaims.Scope, scope)),
        ],
        Scheme.Name);

    private AuthenticateResult Success(ClaimsIdentity identity) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));

    private Task WriteProblemAsync(int status, string title, string detail) =>
        Context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        }).AsTask();
}
