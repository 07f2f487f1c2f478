using AutoReply.Contracts;
using static AutoReply.UnitTests.Rules.SampleNumbers;
using AutoReply.Domain.AutoReplies;
using AutoReply.Domain.Languages;
using AutoReply.Domain.Numbers;
using AutoReply.Domain.Policy;

namespace AutoReply.UnitTests.Rules;

/// <summary>Replies in the contact's language: which message a reply takes, in which words, and why.</summary>
public sealed class ReplyLanguageTests
{
    // Tuesday 2026-11-24, 20:00 in New York: after hours, the next opening is tomorrow at 9:00.
    private const string AfterHours = "2026-11-24T20:00-05:00";

    private static BusinessNumber Bilingual(ReplyLanguage numberLanguage = ReplyLanguage.English)
    {
        var number = Office();
        number.Language = numberLanguage;
        var (message, translation) = numberLanguage == ReplyLanguage.English
            ? ("Sorry we missed you, we open {next_open}.", new Translation(ReplyLanguage.French, "Désolés, nous ouvrons {next_open}."))
            : ("Désolés, nous ouvrons {next_open}.", new Translation(ReplyLanguage.English, "Sorry we missed you, we open {next_open}."));
        number.AutoReplies.Add(new AutoReplyDefinition
        {
            Id = Guid.NewGuid(),
            PhoneNumber = PhoneNumber,
            Trigger = Trigger.MissedCall,
            Schedule = Schedule.AfterHours,
            Message = message,
            Translations = [translation],
        });
        return number;
    }

    private static Reply MissedCall(BusinessNumber number, ReplyLanguage? contactLanguage)
    {
        var when = Moment(AfterHours);
        var e = new InboundEvent("evt-0001", EventType.CallMissed, Trigger.MissedCall, PhoneNumber, "+14155550199", when, null);
        return Assert.IsType<Reply>(ReplyPolicy.Evaluate(new EvaluationInput(e, number, when.AddMinutes(1), null, false, ContactLanguage: contactLanguage)));
    }

    [Fact]
    public void A_contact_who_writes_in_french_gets_the_french_message_with_its_variables_in_french()
    {
        var reply = MissedCall(Bilingual(), ReplyLanguage.French);

        Assert.Equal("Désolés, nous ouvrons demain à 9h00.", reply.Text);
        Assert.Equal((ReplyLanguage.French, LanguageReason.ContactLanguage), (reply.Language.Language, reply.Language.Reason));
    }

    [Fact]
    public void A_contact_who_writes_in_the_number_s_language_gets_the_message()
    {
        var reply = MissedCall(Bilingual(), ReplyLanguage.English);

        Assert.Equal("Sorry we missed you, we open tomorrow at 9:00 AM.", reply.Text);
        Assert.Equal((ReplyLanguage.English, LanguageReason.ContactLanguage), (reply.Language.Language, reply.Language.Reason));
    }

    [Fact]
    public void A_contact_whose_language_is_not_known_gets_the_number_s_language()
    {
        var reply = MissedCall(Bilingual(ReplyLanguage.French), contactLanguage: null);

        Assert.Equal("Désolés, nous ouvrons demain à 9h00.", reply.Text);
        Assert.Equal((ReplyLanguage.French, LanguageReason.ContactLanguageUnknown), (reply.Language.Language, reply.Language.Reason));
    }

    [Fact]
    public void A_contact_who_writes_in_a_language_the_auto_reply_lacks_gets_the_number_s_language_and_says_so()
    {
        var number = Bilingual();
        number.AutoReplies[0].Translations = [];

        var reply = MissedCall(number, ReplyLanguage.French);

        Assert.Equal("Sorry we missed you, we open tomorrow at 9:00 AM.", reply.Text);
        Assert.Equal((ReplyLanguage.English, LanguageReason.NoMessageInContactLanguage), (reply.Language.Language, reply.Language.Reason));
    }

    [Fact]
    public void A_french_number_answers_a_contact_who_writes_in_english_in_english()
    {
        var reply = MissedCall(Bilingual(ReplyLanguage.French), ReplyLanguage.English);

        Assert.Equal("Sorry we missed you, we open tomorrow at 9:00 AM.", reply.Text);
        Assert.Equal(ReplyLanguage.English, reply.Language.Language);
    }
}
