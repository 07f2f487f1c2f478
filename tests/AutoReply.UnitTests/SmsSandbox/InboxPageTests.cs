using System.Net;

namespace AutoReply.UnitTests.SmsSandbox;

public sealed class InboxPageTests : SandboxTest
{
    [Fact]
    public async Task The_page_lists_received_texts_newest_first_with_bodies_html_encoded()
    {
        (await Client.SendTextAsync("+14155550100", body: "Older text")).Dispose();
        (await Client.SendTextAsync("+14155550101", body: "<script>alert('hi')</script> & more")).Dispose();
        using var anonymous = Sandbox.CreateClient();

        using var response = await anonymous.GetAsync("/", TestContext.Current.CancellationToken);
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<meta http-equiv=\"refresh\" content=\"5\">", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;hi&#39;)&lt;/script&gt; &amp; more", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        Assert.Contains("+14155550101", page, StringComparison.Ordinal);
        Assert.True(
            page.IndexOf("&lt;script&gt;", StringComparison.Ordinal) < page.IndexOf("Older text", StringComparison.Ordinal),
            "The newest text comes first.");
    }
}
