using AutoReply.Security;

namespace AutoReply.UnitTests.SmsSandbox;

public sealed class StatusCallbackTests : SandboxTest
{
    private const string Contact = "+14155550100";
    private const string Unreachable = "+14155550166";
    private const string CallbackUrl = "https://receiver.test/webhooks/provider/status?tenant=acme";

    [Fact]
    public async Task Callbacks_are_posted_signed_sent_then_delivered()
    {
        var sid = await SendAsync(Contact);

        var callbacks = await Sandbox.Callbacks.NextAcceptedAsync(2);

        Assert.Equal(["sent", "delivered"], callbacks.Select(callback => callback.Status));
        foreach (var callback in callbacks)
        {
            // Service discovery, shared by every client, writes the default port out: the same address.
            Assert.Equal(new Uri(CallbackUrl), new Uri(callback.Url));
            Assert.True(TwilioSignature.IsValid(SandboxFactory.AuthToken, CallbackUrl, callback.Fields, callback.Signature));
            Assert.Equal(sid, callback.Fields["MessageSid"]);
            Assert.Equal(sid, callback.Fields["SmsSid"]);
            Assert.Equal(callback.Status, callback.Fields["SmsStatus"]);
            Assert.Equal(SandboxFactory.AccountSid, callback.Fields["AccountSid"]);
            Assert.Equal(Contact, callback.Fields["To"]);
            Assert.Equal(SandboxFactory.BusinessNumber, callback.Fields["From"]);
            Assert.Equal("2010-04-01", callback.Fields["ApiVersion"]);
            Assert.False(callback.Fields.ContainsKey("ErrorCode"));
        }
        Assert.Equal("delivered", (await FetchAsync(sid)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_callback_signature_does_not_hold_for_another_url()
    {
        await SendAsync(Contact);

        var callback = (await Sandbox.Callbacks.NextAcceptedAsync(1))[0];

        Assert.False(TwilioSignature.IsValid(SandboxFactory.AuthToken, "https://receiver.test/webhooks/provider/status", callback.Fields, callback.Signature));
    }

    [Theory]
    [InlineData(30003, "undelivered")]
    [InlineData(30008, "failed")]
    public async Task A_delivery_failure_ends_the_message_with_its_error_code(int errorCode, string finalStatus)
    {
        (await Client.PutFaultsAsync(new { deliveryFailures = new Dictionary<string, int> { [Unreachable] = errorCode } })).Dispose();
        var sid = await SendAsync(Unreachable);

        var callbacks = await Sandbox.Callbacks.NextAcceptedAsync(2);

        Assert.Equal(["sent", finalStatus], callbacks.Select(callback => callback.Status));
        Assert.Equal(errorCode.ToString(System.Globalization.CultureInfo.InvariantCulture), callbacks[1].Fields["ErrorCode"]);
        Assert.True(TwilioSignature.IsValid(SandboxFactory.AuthToken, CallbackUrl, callbacks[1].Fields, callbacks[1].Signature));
        var message = await FetchAsync(sid);
        Assert.Equal(finalStatus, message.GetProperty("status").GetString());
        Assert.Equal(errorCode, message.GetProperty("error_code").GetInt32());
    }

    [Fact]
    public async Task A_refused_callback_is_retried()
    {
        Sandbox.Callbacks.RefuseFirst = 1;
        await SendAsync(Contact);

        var callbacks = await Sandbox.Callbacks.NextAcceptedAsync(2);

        Assert.Equal(["sent", "delivered"], callbacks.Select(callback => callback.Status));
        Assert.Equal(["sent", "sent", "delivered"], Sandbox.Callbacks.Attempts.Select(callback => callback.Status));
    }

    [Fact]
    public async Task A_callback_refused_every_time_is_dropped_after_its_retries_and_delivery_goes_on()
    {
        Sandbox.Callbacks.RefuseFirst = int.MaxValue;
        var sid = await SendAsync(Contact);

        await WaitUntilAsync(async () => (await FetchAsync(sid)).GetProperty("status").GetString() == "delivered");

        // One first attempt and two retries (the factory's StatusCallbackRetries) for each status.
        Assert.Equal(
            ["sent", "sent", "sent", "delivered", "delivered", "delivered"],
            await WaitForAttemptsAsync(6));
    }

    [Fact]
    public async Task A_message_without_a_status_callback_still_moves_to_delivered()
    {
        using var response = await Client.SendTextAsync(Contact);
        var sid = (await response.ReadJsonAsync()).GetProperty("sid").GetString()!;

        await WaitUntilAsync(async () => (await FetchAsync(sid)).GetProperty("status").GetString() == "delivered");

        Assert.Empty(Sandbox.Callbacks.Attempts);
    }

    private async Task<string> SendAsync(string to)
    {
        using var response = await Client.SendTextAsync(to, statusCallback: CallbackUrl);
        response.EnsureSuccessStatusCode();
        return (await response.ReadJsonAsync()).GetProperty("sid").GetString()!;
    }

    private Task<System.Text.Json.JsonElement> FetchAsync(string sid) =>
        Client.GetJsonAsync($"/2010-04-01/Accounts/{SandboxFactory.AccountSid}/Messages/{sid}.json");

    private async Task<IReadOnlyList<string>> WaitForAttemptsAsync(int count)
    {
        await WaitUntilAsync(() => Task.FromResult(Sandbox.Callbacks.Attempts.Count >= count));
        return [.. Sandbox.Callbacks.Attempts.Select(callback => callback.Status)];
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "The sandbox did not get there in 10 seconds.");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
