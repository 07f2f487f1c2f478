using AutoReply.ServiceDefaults.Validation;

namespace AutoReply.RulesApi.Decisions;

/// <summary>The filters and page of <c>GET /v1/decisions</c>.</summary>
public sealed record DecisionQuery(string? PhoneNumber, string? Contact, string? EventId, int Limit, int Offset);

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
