namespace AutoReply.Web.Numbers;

/// <summary>The IANA time zones the number form suggests as one types (the API takes any IANA id).</summary>
public static class TimeZones
{
    public static IReadOnlyList<string> All { get; } =
        [.. TimeZoneInfo.GetSystemTimeZones().Select(zone => zone.Id).Where(id => id.Contains('/') || id == "UTC").Order(StringComparer.Ordinal)];
}
