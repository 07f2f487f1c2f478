using System.Globalization;
using System.Text;
using AutoReply.Contracts;
using NodaTime;
using AutoReply.Domain.BusinessHours;

namespace AutoReply.Domain.Templates;

/// <summary>
/// Auto-reply texts with variables in braces: <c>{business_name}</c>, <c>{business_hours}</c>
/// (today's hours in words) and <c>{next_open}</c> (the next opening in the number's time zone).
/// Unknown variables and unbalanced braces are refused when a message is saved, so rendering
/// never meets one.
/// </summary>
public static class MessageTemplate
{
    public const string BusinessName = "business_name";
    public const string BusinessHoursToday = "business_hours";
    public const string NextOpen = "next_open";

    public static readonly IReadOnlyList<string> Variables = [BusinessName, BusinessHoursToday, NextOpen];

    /// <summary>What each variable becomes, in the words a message editor explains it with.</summary>
    public static readonly IReadOnlyDictionary<string, string> Meanings = new Dictionary<string, string>
    {
        [BusinessName] = "the number's name",
        [BusinessHoursToday] = "today's hours, or \"closed today\"",
        [NextOpen] = "when you open next, such as \"Monday at 9:00 AM\"",
    };

    /// <summary>Returns the problems with a message's variables; empty when it can be saved.</summary>
    public static IReadOnlyList<string> FindErrors(string message)
    {
        var errors = new List<string>();
        var position = 0;
        while (position < message.Length)
        {
            var open = message.IndexOfAny(['{', '}'], position);
            if (open < 0)
            {
                break;
            }
            if (message[open] == '}')
            {
                errors.Add($"unbalanced '}}' at position {open}.");
                position = open + 1;
                continue;
            }
            var close = message.IndexOfAny(['{', '}'], open + 1);
            if (close < 0 || message[close] == '{')
            {
                errors.Add($"unbalanced '{{' at position {open}.");
                position = open + 1;
                continue;
            }
            var name = message[(open + 1)..close];
            if (!Variables.Contains(name))
            {
                errors.Add($"unknown variable {{{name}}}; use {string.Join(", ", Variables.Select(v => "{" + v + "}"))}.");
            }
            position = close + 1;
        }
        return errors;
    }

    /// <summary>The message with its variables in <paramref name="language"/>'s words, as of <paramref name="now"/> in the number's time zone.</summary>
    public static string Render(string message, ReplyLanguage language, string businessName, BusinessHoursCalendar calendar, Instant now)
    {
        if (!message.Contains('{'))
        {
            return message;
        }
        var words = WordsIn[language];
        return new StringBuilder(message)
            .Replace("{" + BusinessName + "}", businessName)
            .Replace("{" + BusinessHoursToday + "}", DescribeHoursToday(words, calendar, now))
            .Replace("{" + NextOpen + "}", DescribeNextOpening(words, calendar, now))
            .ToString();
    }

    /// <summary>
    /// What the variables are made of in each language, in GSM-7 characters only ("to", not an en
    /// dash; "9h00", not "9 h 00" with a narrow space) so a message stays 160 characters per segment.
    /// </summary>
    private sealed record Words(
        CultureInfo Culture, string ClosedToday, string And, string Until, string Today, string Tomorrow, string At,
        string WhenWeReopen, string Midnight, string Clock, string LaterDay);

    private static readonly Dictionary<ReplyLanguage, Words> WordsIn = new()
    {
        [ReplyLanguage.English] = new(CultureInfo.InvariantCulture, "closed today", "and", "to", "today", "tomorrow", "at",
            "as soon as we reopen", "midnight", "h:mm tt", "dddd, MMMM d"),
        [ReplyLanguage.French] = new(CultureInfo.GetCultureInfo("fr"), "fermé aujourd'hui", "et", "à", "aujourd'hui", "demain", "à",
            "dès notre réouverture", "minuit", "H'h'mm", "dddd d MMMM"),
    };

    private static string DescribeHoursToday(Words words, BusinessHoursCalendar calendar, Instant now)
    {
        var hours = calendar.HoursOn(now.InZone(calendar.Zone).Date);
        return hours.Count == 0
            ? words.ClosedToday
            : string.Join($" {words.And} ", hours.OrderBy(h => h.OpenMinute).Select(h => $"{Clock(words, h.OpenMinute)} {words.Until} {Clock(words, h.CloseMinute)}"));
    }

    private static string DescribeNextOpening(Words words, BusinessHoursCalendar calendar, Instant now)
    {
        var next = calendar.NextOpening(now);
        if (next is null)
        {
            return words.WhenWeReopen;
        }
        var today = now.InZone(calendar.Zone).Date;
        var day = next.Value.Date;
        var dayText = day == today ? words.Today
            : day == today.PlusDays(1) ? words.Tomorrow
            // ISO numbers Sunday 7, .NET 0.
            : day < today.PlusDays(7) ? words.Culture.DateTimeFormat.GetDayName((DayOfWeek)((int)day.DayOfWeek % 7))
            : day.ToString(words.LaterDay, words.Culture);
        return $"{dayText} {words.At} {Clock(words, next.Value.TimeOfDay.Hour * 60 + next.Value.TimeOfDay.Minute)}";
    }

    private static string Clock(Words words, int minuteOfDay) =>
        minuteOfDay == OpeningInterval.MinutesPerDay
            ? words.Midnight
            : LocalTime.FromMinutesSinceMidnight(minuteOfDay).ToString(words.Clock, words.Culture);
}
