using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AutoReply.ServiceDefaults.Security;

/// <summary>
/// <c>Authorization: Bearer &lt;api key&gt;</c> on every endpoint of ingress and rules (docs/http-api.md).
/// The key comes from <c>AUTOREPLY_API_KEY</c>; <c>dev-key</c> only in Development.
/// </summary>
public static class ApiKeyAuthentication
{
    public const string SchemeName = "ApiKey";
    public const string KeyVariable = "AUTOREPLY_API_KEY";
    public const string DevelopmentKey = "dev-key";

    public static IHostApplicationBuilder AddApiKeyAuthentication(this IHostApplicationBuilder builder)
    {
        var key = builder.Configuration[KeyVariable];
        if (string.IsNullOrEmpty(key))
        {
            key = builder.Environment.IsDevelopment()
                ? DevelopmentKey
                : throw new InvalidOperationException($"Set {KeyVariable}: the API key is required outside Development.");
        }

        builder.Services.AddAuthentication(SchemeName)
            .AddScheme<ApiKeyOptions, ApiKeyHandler>(SchemeName, options => options.Key = key);
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder(SchemeName)
                .RequireAuthenticatedUser()
                .Build());
        return builder;
    }
}

public sealed class ApiKeyOptions : AuthenticationSchemeOptions
{
    public string Key { get; set; } = "";
}

public sealed class ApiKeyHandler(IOptionsMonitor<ApiKeyOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<ApiKeyOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var presented = Encoding.UTF8.GetBytes(header[BearerPrefix.Length..].Trim());
        var expected = Encoding.UTF8.GetBytes(Options.Key);
        if (!CryptographicOperations.FixedTimeEquals(presented, expected))
        {
            return Task.FromResult(AuthenticateResult.Fail("The API key is not valid."));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "api-client")], Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        var problems = Context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Unauthorized",
                Detail = "Send the API key as 'Authorization: Bearer <api key>'.",
            },
        });
    }
}
