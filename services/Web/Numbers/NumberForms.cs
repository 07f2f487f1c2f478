using System.Net;
using AutoReply.ServiceDefaults.Validation;
using AutoReply.Web.Rules;
using Microsoft.Extensions.Localization;

namespace AutoReply.Web.Numbers;

/// <summary>What the number forms send: the form read into settings, then rules' answer, as one problem to show next to the fields.</summary>
public static class NumberForms
{
    /// <summary>Adds a number; a number already set up is refused rather than replaced (PUT would replace it).</summary>
    public static async Task<RulesProblem?> AddAsync(RulesClient rules, IStringLocalizer t, string phoneNumber, NumberSettingsInput input, CancellationToken cancellationToken)
    {
        // Rules says what is wrong with a number it is sent; an empty one would not reach it as a path.
        if (phoneNumber.Length == 0)
        {
            return PhoneNumberProblem(HttpStatusCode.BadRequest, t["Settings.PhoneNumberMissing"]);
        }
        if (PhoneNumberFormat.IsE164(phoneNumber) && await rules.NumberAsync(phoneNumber, cancellationToken) is not null)
        {
            return PhoneNumberProblem(HttpStatusCode.Conflict, t["Settings.PhoneNumberTaken", phoneNumber]);
        }
        return await SaveAsync(rules, t, phoneNumber, input, cancellationToken);
    }

    public static async Task<RulesProblem?> SaveAsync(RulesClient rules, IStringLocalizer t, string phoneNumber, NumberSettingsInput input, CancellationToken cancellationToken)
    {
        var (settings, errors) = input.ToSettings(t);
        if (settings is null)
        {
            return new RulesProblem(HttpStatusCode.BadRequest, null, errors);
        }
        return (await rules.PutNumberAsync(phoneNumber, settings, cancellationToken)).Problem;
    }

    private static RulesProblem PhoneNumberProblem(HttpStatusCode status, string error) =>
        new(status, null, new Dictionary<string, string[]> { ["phoneNumber"] = [error] });
}
