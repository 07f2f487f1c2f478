using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace AutoReply.SmsSandbox;

/// <summary>
/// The provider's API authentication: HTTP Basic with the account SID and auth token, for the
/// account named in the path. Anything else is the provider's 401 (error 20003).
/// </summary>
public sealed class TwilioBasicAuthFilter(IOptions<SandboxOptions> options) : IEndpointFilter
{
    public const string AccountSidRouteValue = "AccountSid";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var account = options.Value;
        if (http.GetRouteValue(AccountSidRouteValue) as string == account.AccountSid
            && TryReadCredentials(http.Request.Headers.Authorization, out var user, out var password)
            && SameSecret(user, account.AccountSid)
            && SameSecret(password, account.AuthToken))
        {
            return next(context);
        }

        http.Response.Headers.WWWAuthenticate = "Basic realm=\"Twilio API\"";
        return ValueTask.FromResult<object?>(TwilioApi.Error(StatusCodes.Status401Unauthorized, TwilioErrors.Authenticate));
    }

    private static bool TryReadCredentials(string? authorization, out string user, out string password)
    {
        user = password = string.Empty;
        if (!AuthenticationHeaderValue.TryParse(authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || header.Parameter is null)
        {
            return false;
        }

        var decoded = new byte[header.Parameter.Length];
        if (!Convert.TryFromBase64String(header.Parameter, decoded, out var length))
        {
            return false;
        }

        var credentials = Encoding.UTF8.GetString(decoded, 0, length);
        var colon = credentials.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }
        user = credentials[..colon];
        password = credentials[(colon + 1)..];
        return true;
    }

    private static bool SameSecret(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
}
