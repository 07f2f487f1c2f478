using AutoReply.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace AutoReply.RulesApi.Summary;

/// <summary>The number, the days and the time zone of <c>GET /v1/summary</c>.</summary>
public sealed record SummaryQuery(
    [FromQuery(Name = "phoneNumber")] string? PhoneNumber = null,
    [FromQuery(Name = "days")] int Days = SummaryQuery.DefaultDays,
    [FromQuery(Name = "timeZone")] string? TimeZone = null)
{
    public const int DefaultDays = 14;

    /// <summary>A month at most: the longest a page shows, and a bounded read of the counts.</summary>
    public const int MaxDays = 31;
}

public sealed class SummaryQueryValidator
{
    public Validated<SummaryQuery> Validate(SummaryQuery query)
    {
        var errors = new FieldErrors();
        if (query.Days is < 1 or > SummaryQuery.MaxDays)
        {
            errors.Add("days", $"days must be from 1 to {SummaryQuery.MaxDays}.");
        }
        // An unencoded "+" in a query string arrives as a space: say so rather than answer nothing.
        if (!string.IsNullOrEmpty(query.PhoneNumber) && !PhoneNumberFormat.IsE164(query.PhoneNumber))
        {
            errors.Add("phoneNumber", $"phoneNumber {PhoneNumberFormat.E164Hint} (write + as %2B in a query string).");
        }
        if (query.TimeZone is not null && DateTimeZoneProviders.Tzdb.GetZoneOrNull(query.TimeZone) is null)
        {
            errors.Add("timeZone", "timeZone must be an IANA time zone id such as America/New_York.");
        }
        return errors.Result(() => query);
    }
}
