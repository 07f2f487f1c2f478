using System.Net.Http.Json;
using System.Text.Json;

namespace AutoReply.UnitTests.SmsSandbox;

/// <summary>What a client of the provider's API sends, in the provider's form encoding.</summary>
public static class SandboxRequests
{
    public static async Task<HttpResponseMessage> SendTextAsync(
        this HttpClient client,
        string to,
        string body = "Thanks, we will call you back.",
        string? from = SandboxFactory.BusinessNumber,
        string? statusCallback = null,
        string? idempotencyKey = null)
    {
        var fields = new Dictionary<string, string>();
        if (to.Length > 0)
        {
            fields["To"] = to;
        }
        if (body.Length > 0)
        {
            fields["Body"] = body;
        }
        if (from is not null)
        {
            fields["From"] = from;
        }
        if (statusCallback is not null)
        {
            fields["StatusCallback"] = statusCallback;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, SandboxFactory.MessagesPath) { Content = new FormUrlEncodedContent(fields) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.ReadJsonAsync();
    }

    public static async Task<HttpResponseMessage> PutFaultsAsync(this HttpClient client, object faults) =>
        await client.PutAsJsonAsync("/sandbox/faults", faults, TestContext.Current.CancellationToken);
}
