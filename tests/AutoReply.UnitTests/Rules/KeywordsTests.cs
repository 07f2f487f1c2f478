using AutoReply.Domain.OptOuts;

namespace AutoReply.UnitTests.Rules;

public sealed class KeywordsTests
{
    [Theory]
    [InlineData("STOP")]
    [InlineData("stop")]
    [InlineData("  Stop \n")]
    [InlineData("STOPALL")]
    [InlineData("unsubscribe")]
    [InlineData("CANCEL")]
    [InlineData("END")]
    [InlineData("QUIT")]
    [InlineData("REVOKE")]
    [InlineData("OPTOUT")]
    public void Whole_body_opt_out_keyword_opts_out(string body) =>
        Assert.Equal(KeywordKind.OptOut, Keywords.Classify(body, optedOut: false));

    [Theory]
    [InlineData("START")]
    [InlineData("unstop")]
    public void Start_and_unstop_opt_back_in(string body) =>
        Assert.Equal(KeywordKind.OptIn, Keywords.Classify(body, optedOut: true));

    [Fact]
    public void Yes_opts_back_in_only_a_contact_who_opted_out()
    {
        Assert.Equal(KeywordKind.OptIn, Keywords.Classify("yes", optedOut: true));
        Assert.Equal(KeywordKind.None, Keywords.Classify("yes", optedOut: false));
    }

    [Theory]
    [InlineData("HELP")]
    [InlineData("info")]
    public void Help_and_info_are_keywords(string body) =>
        Assert.Equal(KeywordKind.Help, Keywords.Classify(body, optedOut: false));

    [Theory]
    [InlineData("stop by later?")]
    [InlineData("Please STOP calling me at work")]
    [InlineData("")]
    [InlineData(null)]
    public void Body_that_merely_contains_a_keyword_is_an_ordinary_text(string? body) =>
        Assert.Equal(KeywordKind.None, Keywords.Classify(body, optedOut: false));
}
