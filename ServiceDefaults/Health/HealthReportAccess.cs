using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace AutoReply.ServiceDefaults.Health;

/// <summary>
/// Who may read the detailed health report (<c>/health/report</c>): anyone in Development; elsewhere a
/// request with <c>Authorization: Bearer &lt;Health__ReportKey&gt;</c>, the operators' key. Without a key
/// configured outside Development, nobody: the report names dependencies and their errors.
/// </summary>
public sealed class HealthReportAccess
{
    public const string Section = "Health";

    [MinLength(16)]
    public string? ReportKey { get; set; }

    public bool Admits(HttpRequest request)
    {
        if (string.IsNullOrEmpty(ReportKey)
            || request.Headers.Authorization.ToString() is not { } header
            || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        // Hashed first so that the comparison takes as long whatever the length of what was sent.
        var sent = SHA256.HashData(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim()));
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(ReportKey));
        return CryptographicOperations.FixedTimeEquals(sent, expected);
    }
}
