using AutoReply.Security;

namespace AutoReply.UnitTests.Provider;

public sealed class TwilioSignatureTests
{
    // The worked example of the provider's request validation, as its own helper libraries test it
    // (twilio-php, twilio-csharp RequestValidator tests).
    private const string AuthToken = "12345";
    private const string Url = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private const string DocumentedSignature = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

    private static readonly Dictionary<string, string> DocumentedFields = new()
    {
        ["CallSid"] = "CA1234567890ABCDE",
        ["Caller"] = "+14158675309",
        ["Digits"] = "1234",
        ["From"] = "+14158675309",
        ["To"] = "+18005551212",
    };

    [Fact]
    public void Computes_the_documented_signature()
    {
        Assert.Equal(DocumentedSignature, TwilioSignature.Compute(AuthToken, Url, DocumentedFields));
    }

    [Fact]
    public void Signs_the_fields_sorted_by_name_whatever_order_they_come_in()
    {
        var shuffled = DocumentedFields.Reverse();

        Assert.Equal(DocumentedSignature, TwilioSignature.Compute(AuthToken, Url, shuffled));
    }

    [Fact]
    public void Accepts_the_documented_request()
    {
        Assert.True(TwilioSignature.IsValid(AuthToken, Url, DocumentedFields, DocumentedSignature));
    }

    [Fact]
    public void Rejects_a_request_with_a_tampered_field()
    {
        var tampered = new Dictionary<string, string>(DocumentedFields) { ["Digits"] = "1235" };

        Assert.False(TwilioSignature.IsValid(AuthToken, Url, tampered, DocumentedSignature));
    }

    [Fact]
    public void Rejects_a_request_sent_to_another_url()
    {
        Assert.False(TwilioSignature.IsValid(AuthToken, "https://mycompany.com/myapp.php?foo=1&bar=3", DocumentedFields, DocumentedSignature));
    }

    [Fact]
    public void Rejects_a_signature_made_with_another_token()
    {
        Assert.False(TwilioSignature.IsValid("54321", Url, DocumentedFields, DocumentedSignature));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Rejects_a_missing_signature(string? signature)
    {
        Assert.False(TwilioSignature.IsValid(AuthToken, Url, DocumentedFields, signature));
    }
}
