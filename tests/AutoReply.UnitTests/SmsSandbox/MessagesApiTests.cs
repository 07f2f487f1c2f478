using System.Net;
using System.Text.Json;

namespace AutoReply.UnitTests.SmsSandbox;

public sealed class MessagesApiTests : SandboxTest
{
    private const string Contact = "+14155550100";

    [Fact]
    public async Task Sending_a_text_answers_201_with_the_queued_message()
    {
        using var response = await Client.SendTextAsync(Contact, body: "We are closed until 9am.");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var message = await response.ReadJsonAsync();
        var sid = message.GetProperty("sid").GetString()!;
        Assert.Matches("^SM[0-9a-f]{32}$", sid);
        Assert.Equal(SandboxFactory.AccountSid, message.GetProperty("account_sid").GetString());
        Assert.Equal("queued", message.GetProperty("status").GetString());
        Assert.Equal(Contact, message.GetProperty("to").GetString());
        Assert.Equal(SandboxFactory.BusinessNumber, message.GetProperty("from").GetString());
        Assert.Equal("We are closed until 9am.", message.GetProperty("body").GetString());
        Assert.Equal("1", message.GetProperty("num_segments").GetString());
        Assert.Equal("outbound-api", message.GetProperty("direction").GetString());
        Assert.Equal("2010-04-01", message.GetProperty("api_version").GetString());
        Assert.Equal(JsonValueKind.Null, message.GetProperty("error_code").ValueKind);
        Assert.Equal($"/2010-04-01/Accounts/{SandboxFactory.AccountSid}/Messages/{sid}.json", message.GetProperty("uri").GetString());
        Assert.True(DateTimeOffset.TryParse(message.GetProperty("date_created").GetString(), out var created));
        Assert.InRange(created, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task A_long_text_counts_its_segments()
    {
        using var response = await Client.SendTextAsync(Contact, body: new string('a', 161));

        Assert.Equal("2", (await response.ReadJsonAsync()).GetProperty("num_segments").GetString());
    }

    [Theory]
    [InlineData(SandboxFactory.AccountSid, "wrong-token", SandboxFactory.MessagesPath)]
    [InlineData("AC11111111111111111111111111111111", SandboxFactory.AuthToken, SandboxFactory.MessagesPath)]
    [InlineData("AC11111111111111111111111111111111", SandboxFactory.AuthToken, "/2010-04-01/Accounts/AC11111111111111111111111111111111/Messages.json")]
    public async Task Wrong_credentials_get_the_providers_401(string user, string password, string path)
    {
        using var client = Sandbox.CreateAuthorizedClient(user, password);

        using var response = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["To"] = Contact,
            ["From"] = SandboxFactory.BusinessNumber,
            ["Body"] = "Hi",
        }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = await response.ReadJsonAsync();
        Assert.Equal(20003, error.GetProperty("code").GetInt32());
        Assert.Equal("Authenticate", error.GetProperty("message").GetString());
        Assert.Equal("https://www.twilio.com/docs/errors/20003", error.GetProperty("more_info").GetString());
        Assert.Equal(401, error.GetProperty("status").GetInt32());
        Assert.Empty((await Client.GetJsonAsync(SandboxFactory.MessagesPath)).GetProperty("messages").EnumerateArray());
    }

    [Fact]
    public async Task No_credentials_get_the_providers_401()
    {
        using var client = Sandbox.CreateClient();

        using var response = await client.GetAsync(SandboxFactory.MessagesPath, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(20003, (await response.ReadJsonAsync()).GetProperty("code").GetInt32());
    }

    [Theory]
    [InlineData("", "Hi", SandboxFactory.BusinessNumber, 21604)]
    [InlineData(Contact, "", SandboxFactory.BusinessNumber, 21602)]
    [InlineData(Contact, "Hi", null, 21603)]
    public async Task A_text_missing_a_field_gets_the_providers_400(string to, string body, string? from, int expectedCode)
    {
        using var response = await Client.SendTextAsync(to, body, from);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.ReadJsonAsync();
        Assert.Equal(expectedCode, error.GetProperty("code").GetInt32());
        Assert.Equal(400, error.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_status_callback_that_is_not_an_http_url_gets_the_providers_400()
    {
        using var response = await Client.SendTextAsync(Contact, statusCallback: "ftp://receiver.test/status");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(21609, (await response.ReadJsonAsync()).GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task A_repeated_idempotency_key_answers_with_the_first_message_and_stores_one()
    {
        using var first = await Client.SendTextAsync(Contact, body: "First", idempotencyKey: "reply-42");
        using var repeated = await Client.SendTextAsync(Contact, body: "First", idempotencyKey: "reply-42");

        Assert.Equal(HttpStatusCode.Created, repeated.StatusCode);
        var firstSid = (await first.ReadJsonAsync()).GetProperty("sid").GetString();
        Assert.Equal(firstSid, (await repeated.ReadJsonAsync()).GetProperty("sid").GetString());
        var stored = (await Client.GetJsonAsync(SandboxFactory.MessagesPath)).GetProperty("messages");
        Assert.Equal(firstSid, Assert.Single(stored.EnumerateArray()).GetProperty("sid").GetString());
    }

    [Fact]
    public async Task Different_idempotency_keys_store_different_messages()
    {
        (await Client.SendTextAsync(Contact, idempotencyKey: "reply-1")).Dispose();
        (await Client.SendTextAsync(Contact, idempotencyKey: "reply-2")).Dispose();

        Assert.Equal(2, (await Client.GetJsonAsync(SandboxFactory.MessagesPath)).GetProperty("messages").GetArrayLength());
    }

    [Fact]
    public async Task The_list_filters_by_recipient_newest_first()
    {
        (await Client.SendTextAsync(Contact, body: "one")).Dispose();
        (await Client.SendTextAsync("+14155550199", body: "elsewhere")).Dispose();
        (await Client.SendTextAsync(Contact, body: "two")).Dispose();

        var page = await Client.GetJsonAsync($"{SandboxFactory.MessagesPath}?To={Uri.EscapeDataString(Contact)}");

        var bodies = page.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("body").GetString());
        Assert.Equal(["two", "one"], bodies);
        Assert.Equal(0, page.GetProperty("page").GetInt32());
    }

    [Fact]
    public async Task The_list_filters_by_sender_and_honours_the_page_size()
    {
        (await Client.SendTextAsync(Contact, body: "one", from: "+15005550001")).Dispose();
        (await Client.SendTextAsync(Contact, body: "two")).Dispose();
        (await Client.SendTextAsync(Contact, body: "three")).Dispose();

        var page = await Client.GetJsonAsync($"{SandboxFactory.MessagesPath}?From={Uri.EscapeDataString(SandboxFactory.BusinessNumber)}&PageSize=1");

        Assert.Equal("three", Assert.Single(page.GetProperty("messages").EnumerateArray()).GetProperty("body").GetString());
        Assert.Equal(1, page.GetProperty("page_size").GetInt32());
    }

    [Fact]
    public async Task A_message_can_be_fetched_by_sid()
    {
        using var sent = await Client.SendTextAsync(Contact, body: "Fetch me");
        var sid = (await sent.ReadJsonAsync()).GetProperty("sid").GetString();

        var message = await Client.GetJsonAsync($"/2010-04-01/Accounts/{SandboxFactory.AccountSid}/Messages/{sid}.json");

        Assert.Equal("Fetch me", message.GetProperty("body").GetString());
    }

    [Fact]
    public async Task An_unknown_message_gets_the_providers_404()
    {
        using var response = await Client.GetAsync(
            $"/2010-04-01/Accounts/{SandboxFactory.AccountSid}/Messages/SM00000000000000000000000000000000.json",
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(20404, (await response.ReadJsonAsync()).GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Clearing_the_messages_empties_the_store()
    {
        (await Client.SendTextAsync(Contact)).Dispose();

        using var cleared = await Client.DeleteAsync("/sandbox/messages", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Empty((await Client.GetJsonAsync(SandboxFactory.MessagesPath)).GetProperty("messages").EnumerateArray());
    }
}
