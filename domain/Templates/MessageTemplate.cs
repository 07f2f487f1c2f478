using System.Globalization;
using System.Text;
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

    public static string Render(string message, string businessName, BusinessHoursCalendar calendar, Instant now)
    {
        if (!message.Contains('{'))
        {
            return message;
        }
        return new StringBuilder(message)
            .Replace("{" + BusinessName + "}", businessName)
            .Replace("{" + BusinessHoursToday + "}", DescribeHoursToday(calendar, now))
            .Replace("{" + NextOpen + "}", DescribeNextOpening(calendar, now))
            .ToString();
    }

    /// <summary>Today's hours in words, in GSM-7 characters only ("to", not an en dash) so a message stays 160 per segment.</summary>
    public static string DescribeHoursToday(BusinessHoursCalendar calendar, Instant now)
    {
        var hours = calendar.HoursOn(now.InZone(calendar.Zone).Date);
        return hours.Count == 0
            ? "closed today"
            : string.Join(" and ", hours.OrderBy(h => h.OpenMinute).Select(h => $"{Clock(h.OpenMinute)} to {Clock(h.CloseMinute)}"));
    }

    public static string DescribeNextOpening(BusinessHoursCalendar calendar, Instant now)
    {
        var next = calendar.NextOpening(now);
        if (next is null)
        {
            return "as soon as we reopen";
        }
        var today = now.InZone(calendar.Zone).Date;
        var day = next.Value.Date;
        var dayText = day == today ? "today"
            : day == today.PlusDays(1) ? "tomorrow"
            : day < today.PlusDays(7) ? day.DayOfWeek.ToString()
            : day.ToString("dddd, MMMM d", CultureInfo.InvariantCulture);
        return $"{dayText} at {Clock(next.Value.TimeOfDay.Hour * 60 + next.Value.TimeOfDay.Minute)}";
    }

    private static string Clock(int minuteOfDay) =>
        minuteOfDay == OpeningInterval.MinutesPerDay
            ? "midnight"
            : LocalTime.FromMinutesSinceMidnight(minuteOfDay).ToString("h:mm tt", CultureInfo.InvariantCulture);
}
