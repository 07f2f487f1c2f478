using System.Net;
using AutoReply.Web.Rules;

namespace AutoReply.UnitTests.Web;

/// <summary>A refusal of the rules API as the owner reads it above a form: in their words and language, never the API's English.</summary>
public sealed class RulesProblemTests
{
    private static RulesProblem Refused(HttpStatusCode status) =>
        new(status, "Missed calls outside business hours already has an auto-reply; edit it or delete it first.", new Dictionary<string, string[]>());

    [Fact]
    public void A_taken_slot_reads_in_the_owner_s_french_words_not_the_api_s_english()
    {
        using var speaking = WebText.In("fr");

        Assert.Equal("Ce créneau a déjà une réponse automatique : modifiez-la ou supprimez-la d’abord.", Refused(HttpStatusCode.Conflict).Describe(WebText.T, "NewReply"));
    }

    [Fact]
    public void A_refusal_the_form_has_no_words_for_reads_in_the_words_for_its_status()
    {
        using var speaking = WebText.In("en");

        Assert.Equal("Someone changed this at the same time: reload the page and try again.", Refused(HttpStatusCode.Conflict).Describe(WebText.T, "Number"));
    }

    [Fact]
    public void An_unexpected_refusal_says_the_change_could_not_be_saved()
    {
        using var speaking = WebText.In("en");

        Assert.Equal("AutoReply couldn't save this just now. Try again in a moment.", Refused(HttpStatusCode.ServiceUnavailable).Describe(WebText.T, "Number"));
    }
}
