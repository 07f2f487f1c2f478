using AutoReply.Contracts;
using AutoReply.Sms;
using static AutoReply.UnitTests.Rules.SampleNumbers;
using AutoReply.Domain.Numbers;
using AutoReply.Domain.Templates;

namespace AutoReply.UnitTests.Rules;

public sealed class MessageTemplateTests
{
    private static string Render(string message, string moment, BusinessNumber? number = null, ReplyLanguage language = ReplyLanguage.English)
    {
        number ??= Office();
        return MessageTemplate.Render(message, language, number.Name, number.Calendar(), At(moment));
    }

    [Theory]
    [InlineData("Sorry we missed your call.")]
    [InlineData("Hi from {business_name}! We're open {business_hours} and back {next_open}.")]
    [InlineData("{business_name}{business_name}")]
    public void A_message_with_only_known_variables_and_balanced_braces_has_no_errors(string message)
    {
        Assert.Empty(MessageTemplate.FindErrors(message));
    }

    [Fact]
    public void An_unknown_variable_is_an_error_that_names_it()
    {
        var error = Assert.Single(MessageTemplate.FindErrors("Hi {customer_name}, thanks for calling {business_name}."));

        Assert.Contains("{customer_name}", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_variable_name_is_case_sensitive()
    {
        Assert.Single(MessageTemplate.FindErrors("Thanks for calling {Business_Name}."));
    }

    [Theory]
    [InlineData("Call us {business_name", "unbalanced '{' at position 8")]
    [InlineData("Call us { soon", "unbalanced '{' at position 8")]
    [InlineData("{{business_name}", "unbalanced '{' at position 0")]
    [InlineData("Open now :-}", "unbalanced '}' at position 11")]
    [InlineData("business_name} calling", "unbalanced '}' at position 13")]
    public void An_unbalanced_brace_is_an_error_at_its_position(string message, string expected)
    {
        var error = Assert.Single(MessageTemplate.FindErrors(message));

        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Business_name_renders_as_the_number_s_name()
    {
        var number = Office();
        number.Name = "Acme Dental & Family Care";

        Assert.Equal("Thanks for calling Acme Dental & Family Care.", Render("Thanks for calling {business_name}.", "2026-11-24T10:00-05:00", number));
    }

    [Fact]
    public void A_message_without_variables_renders_unchanged()
    {
        Assert.Equal("Back soon: 100% sure.", Render("Back soon: 100% sure.", "2026-11-24T10:00-05:00"));
    }

    [Fact]
    public void Business_hours_lists_today_s_intervals_in_words()
    {
        Assert.Equal("We're open 9:00 AM to 12:00 PM and 1:00 PM to 5:00 PM.", Render("We're open {business_hours}.", "2026-11-24T20:00-05:00"));
    }

    [Fact]
    public void Business_hours_on_a_day_without_hours_says_closed_today()
    {
        Assert.Equal("We're closed today.", Render("We're {business_hours}.", "2026-11-29T10:00-05:00"));
    }

    [Fact]
    public void Business_hours_use_today_s_special_hours_and_a_24_00_close_reads_midnight()
    {
        var number = Office(Special("2026-11-24", "18:00-24:00"));

        Assert.Equal("Open 6:00 PM to midnight.", Render("Open {business_hours}.", "2026-11-24T10:00-05:00", number));
    }

    [Fact]
    public void Business_hours_are_today_s_in_the_number_s_time_zone()
    {
        // 03:00Z on Sunday is still Saturday evening in Los Angeles.
        var number = Number(Week(("saturday", Hours("10:00-14:00"))), timeZone: "America/Los_Angeles");

        Assert.Equal("10:00 AM to 2:00 PM", Render("{business_hours}", "2026-11-29T03:00Z", number));
    }

    [Theory]
    [InlineData("2026-11-24T12:15-05:00", "today at 1:00 PM")]
    [InlineData("2026-11-24T06:00-05:00", "today at 9:00 AM")]
    [InlineData("2026-11-24T17:30-05:00", "tomorrow at 9:00 AM")]
    [InlineData("2026-11-27T17:30-05:00", "Monday at 9:00 AM")]
    [InlineData("2026-11-28T10:00-05:00", "Monday at 9:00 AM")]
    public void Next_open_names_the_day_in_words_and_the_time_on_a_12_hour_clock(string moment, string expected)
    {
        Assert.Equal(expected, Render("{next_open}", moment));
    }

    [Fact]
    public void Next_open_names_the_weekday_of_an_opening_a_few_days_ahead()
    {
        // Closed for Thanksgiving week from Wednesday: Monday 11-30 is the next opening.
        var number = Office(Closed("2026-11-25"), Closed("2026-11-26"), Closed("2026-11-27"));

        Assert.Equal("Monday at 9:00 AM", Render("{next_open}", "2026-11-24T17:30-05:00", number));
    }

    [Fact]
    public void Next_open_writes_the_date_of_an_opening_a_week_or_more_ahead()
    {
        var number = Number(Week(), [Special("2026-12-28", "13:30-17:00")]);

        Assert.Equal("Monday, December 28 at 1:30 PM", Render("{next_open}", "2026-11-24T17:30-05:00", number));
    }

    [Fact]
    public void Next_open_for_a_number_that_never_opens_promises_no_time()
    {
        Assert.Equal("We'll reply as soon as we reopen.", Render("We'll reply {next_open}.", "2026-11-24T17:30-05:00", Number(Week())));
    }

    [Fact]
    public void Next_open_is_in_the_number_s_time_zone()
    {
        var number = Number(Week(("wednesday", Hours("09:00-17:00"))), timeZone: "America/Los_Angeles");

        // 03:00Z on Wednesday is Tuesday 19:00 in Los Angeles: the Wednesday opening is tomorrow there.
        Assert.Equal("tomorrow at 9:00 AM", Render("{next_open}", "2026-11-25T03:00Z", number));
    }

    [Fact]
    public void All_variables_render_together_in_one_message()
    {
        var rendered = Render("{business_name} is open {business_hours}; next {next_open}.", "2026-11-24T12:15-05:00");

        Assert.Equal("Acme Dental is open 9:00 AM to 12:00 PM and 1:00 PM to 5:00 PM; next today at 1:00 PM.", rendered);
    }

    [Fact]
    public void Todays_hours_in_words_keep_a_message_in_gsm_7()
    {
        var text = Render("Open {business_hours}.", "2026-11-24T10:00-05:00");

        Assert.Equal(SmsEncoding.Gsm7, SmsEncoding.Measure(text).Encoding);
    }

    [Theory]
    [InlineData("2026-11-24T20:00-05:00", "{business_hours}", "9h00 à 12h00 et 13h00 à 17h00")]
    [InlineData("2026-11-29T10:00-05:00", "{business_hours}", "fermé aujourd'hui")]
    [InlineData("2026-11-24T12:15-05:00", "{next_open}", "aujourd'hui à 13h00")]
    [InlineData("2026-11-24T17:30-05:00", "{next_open}", "demain à 9h00")]
    [InlineData("2026-11-27T17:30-05:00", "{next_open}", "lundi à 9h00")]
    public void A_french_message_s_variables_render_in_french_words(string moment, string message, string expected)
    {
        Assert.Equal(expected, Render(message, moment, language: ReplyLanguage.French));
    }

    [Fact]
    public void A_french_message_writes_the_date_of_an_opening_a_week_or_more_ahead_in_french()
    {
        var number = Number(Week(), [Special("2026-12-28", "13:30-24:00")]);

        Assert.Equal("lundi 28 décembre à 13h30, jusqu'à minuit", Render("{next_open}, jusqu'à minuit", "2026-11-24T17:30-05:00", number, ReplyLanguage.French));
    }

    [Fact]
    public void French_hours_in_words_keep_a_message_in_gsm_7()
    {
        var text = Render("Nous sommes ouverts {business_hours}, et rouvrons {next_open}.", "2026-11-24T10:00-05:00", language: ReplyLanguage.French);

        Assert.Equal(SmsEncoding.Gsm7, SmsEncoding.Measure(text).Encoding);
    }
}
