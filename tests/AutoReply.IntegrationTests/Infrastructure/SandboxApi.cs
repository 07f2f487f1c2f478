using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace AutoReply.IntegrationTests.Infrastructure;

/// <summary>The SMS sandbox's provider API and fault switches, as a test reads and drives them.</summary>
public sealed class SandboxApi(string url)
{
    public async Task SetFaultsAsync(object faults)
    {
        using var client = Client();
        var response = await client.PutAsJsonAsync("/sandbox/faults", faults, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Creates a text as a provider client would (e.g. the attempt of a sender that then crashed).</summary>
    public async Task SendTextAsync(string from, string to, string body)
    {
        using var client = Client();
        var response = await client.PostAsync(
            $"/2010-04-01/Accounts/{TestProvider.AccountSid}/Messages.json",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["From"] = from, ["To"] = to, ["Body"] = body }),
            TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The texts the sandbox received for <paramref name="to"/>, newest first.</summary>
    public async Task<List<JsonElement>> TextsToAsync(string to)
    {
        using var client = Client();
        var page = await client.GetFromJsonAsync<JsonElement>(
            $"/2010-04-01/Accounts/{TestProvider.AccountSid}/Messages.json?To={Uri.EscapeDataString(to)}", TestContext.Current.CancellationToken);
        return [.. page.GetProperty("messages").EnumerateArray()];
    }

    private HttpClient Client() => new()
    {
        BaseAddress = new Uri(url),
        DefaultRequestHeaders =
        {
            Authorization = new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TestProvider.AccountSid}:{TestProvider.AuthToken}"))),
        },
    };
}
