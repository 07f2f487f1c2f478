using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace AutoReply.UnitTests.SmsSandbox;

public sealed class FaultInjectionTests : SandboxTest
{
    private const string OptedOut = "+14155550123";
    private const string Invalid = "+14155550124";

    [Theory]
    [InlineData(OptedOut, 21610, "Attempt to send to unsubscribed recipient")]
    [InlineData(Invalid, 21211, "The 'To' number is not a valid phone number.")]
    public async Task A_refused_recipient_gets_the_providers_error_and_nothing_is_stored(string to, int code, string message)
    {
        (await Client.PutFaultsAsync(new { recipientErrors = new Dictionary<string, int> { [OptedOut] = 21610, [Invalid] = 21211 } })).Dispose();

        using var response = await Client.SendTextAsync(to);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.ReadJsonAsync();
        Assert.Equal(code, error.GetProperty("code").GetInt32());
        Assert.Equal(message, error.GetProperty("message").GetString());
        Assert.Equal(400, error.GetProperty("status").GetInt32());
        Assert.Empty((await Client.GetJsonAsync(SandboxFactory.MessagesPath)).GetProperty("messages").EnumerateArray());
    }

    [Fact]
    public async Task Other_recipients_are_still_accepted_while_some_are_refused()
    {
        (await Client.PutFaultsAsync(new { recipientErrors = new Dictionary<string, int> { [OptedOut] = 21610 } })).Dispose();

        using var response = await Client.SendTextAsync("+14155550100");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Every_send_fails_with_429_and_Retry_After_when_the_failure_rate_is_1()
    {
        (await Client.PutFaultsAsync(new { failureRate = 1.0, failureStatus = 429, retryAfterSeconds = 2 })).Dispose();

        using var response = await Client.SendTextAsync("+14155550100");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter?.Delta);
        var error = await response.ReadJsonAsync();
        Assert.Equal(20429, error.GetProperty("code").GetInt32());
        Assert.Equal(429, error.GetProperty("status").GetInt32());
        Assert.Empty((await Client.GetJsonAsync(SandboxFactory.MessagesPath)).GetProperty("messages").EnumerateArray());
    }

    [Fact]
    public async Task A_500_failure_carries_no_Retry_After()
    {
        (await Client.PutFaultsAsync(new { failureRate = 1.0, failureStatus = 500, retryAfterSeconds = 2 })).Dispose();

        using var response = await Client.SendTextAsync("+14155550100");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Null(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task Clearing_the_faults_makes_sends_succeed_again()
    {
        (await Client.PutFaultsAsync(new { failureRate = 1.0, failureStatus = 503 })).Dispose();

        using var cleared = await Client.DeleteAsync("/sandbox/faults", TestContext.Current.CancellationToken);
        using var response = await Client.SendTextAsync("+14155550100");

        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(0, (await Client.GetJsonAsync("/sandbox/faults")).GetProperty("failureRate").GetDouble());
    }

    [Fact]
    public async Task The_faults_in_force_can_be_read_back()
    {
        (await Client.PutFaultsAsync(new { failureRate = 0.2, failureStatus = 500, latencyMs = 30, deliveryFailures = new Dictionary<string, int> { [OptedOut] = 30003 } })).Dispose();

        var faults = await Client.GetJsonAsync("/sandbox/faults");

        Assert.Equal(0.2, faults.GetProperty("failureRate").GetDouble());
        Assert.Equal(30, faults.GetProperty("latencyMs").GetInt32());
        Assert.Equal(30003, faults.GetProperty("deliveryFailures").GetProperty(OptedOut).GetInt32());
    }

    [Fact]
    public async Task Latency_delays_the_answer()
    {
        (await Client.PutFaultsAsync(new { latencyMs = 300 })).Dispose();
        var clock = Stopwatch.StartNew();

        using var response = await Client.SendTextAsync("+14155550100");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(290), $"answered after {clock.Elapsed}");
    }

    [Fact]
    public async Task Invalid_fault_settings_are_refused_field_by_field_and_change_nothing()
    {
        using var response = await Client.PutFaultsAsync(new
        {
            failureRate = 1.5,
            failureStatus = 200,
            latencyMs = -1,
            recipientErrors = new Dictionary<string, int> { ["0415550123"] = 21610 },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.Equal(
            ["failureRate", "failureStatus", "latencyMs", "recipientErrors"],
            errors.EnumerateObject().Select(field => field.Name).Order(StringComparer.Ordinal));
        Assert.Equal(0, (await Client.GetJsonAsync("/sandbox/faults")).GetProperty("failureRate").GetDouble());
    }

    [Fact]
    public async Task A_null_recipient_map_is_refused()
    {
        using var response = await Client.PutFaultsAsync(JsonSerializer.Deserialize<JsonElement>("""{"recipientErrors": null}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("recipientErrors", out _));
    }
}
