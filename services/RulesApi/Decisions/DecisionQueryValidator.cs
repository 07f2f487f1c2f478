using AutoReply.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Mvc;

namespace AutoReply.RulesApi.Decisions;

/// <summary>The filters and page of <c>GET /v1/decisions</c>.</summary>
public sealed record DecisionQuery(
    [FromQuery(Name = "phoneNumber")] string? PhoneNumber = null,
    [FromQuery(Name = "contact")] string? Contact = null,
    [FromQuery(Name = "eventId")] string? EventId = null,
    [FromQuery(Name = "limit")] int Limit = Paging.DefaultLimit,
    [FromQuery(Name = "offset")] int Offset = 0);

public sealed class DecisionQueryValidator
{
    public Validated<DecisionQuery> Validate(DecisionQuery query)
    {
        var errors = new FieldErrors();
        Paging.Check(query.Limit, query.Offset, errors);
        // An unencoded "+" in a query string arrives as a space: say so rather than answer an empty list.
        foreach (var (field, value) in new[] { ("phoneNumber", query.PhoneNumber), ("contact", query.Contact) })
        {
            if (!string.IsNullOrEmpty(value) && !PhoneNumberFormat.IsE164(value))
            {
                errors.Add(field, $"{field} {PhoneNumberFormat.E164Hint} (write + as %2B in a query string).");
            }
        }
        return errors.Result(() => query);
    }
}
