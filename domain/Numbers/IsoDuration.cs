using System.Xml;

namespace AutoReply.Domain.Numbers;

/// <summary>ISO-8601 durations (<c>PT3H</c>, <c>PT15M</c>, <c>P1D</c>) as the API writes them.</summary>
public static class IsoDuration
{
    public static TimeSpan? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || !text.StartsWith('P'))
        {
            return null;
        }
        try
        {
            return XmlConvert.ToTimeSpan(text);
        }
        catch (FormatException)
        {
            return null;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    public static string Format(TimeSpan duration) => XmlConvert.ToString(duration);
}
