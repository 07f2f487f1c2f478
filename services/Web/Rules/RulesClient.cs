using AutoReply.Web.AutoReplies;
using System.Net;
using AutoReply.Web.Localization;
using AutoReply.Web.RulesApi;
using AutoReply.Web.RulesApi.Models;
using AutoReply.Web.RulesApi.V1.Numbers.Item;
using AutoReply.Web.RulesApi.V1.Numbers.Item.AutoReplies;
using AutoReply.Web.RulesApi.V1.Numbers.Item.AutoReplies.Item;
using AutoReply.Web.RulesApi.V1.Numbers.Item.AutoReplies.Preview;
using AutoReply.Web.RulesApi.V1.Numbers.Item.Explain;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Kiota.Abstractions;

namespace AutoReply.Web.Rules;

/// <summary>
/// The rules API as the web app calls it, through the client generated from its OpenAPI document:
/// as the signed-in person (<see cref="PersonTokenHandler"/>), about the workspace the page is about.
/// Reads a page cannot do without throw <see cref="RulesRefusedException"/>; changes answer a
/// <see cref="RulesAnswer{T}"/> the form shows.
/// </summary>
public sealed class RulesClient(HttpClient http, IOptions<RulesApiOptions> options, IMemoryCache cache, IStringLocalizer<Text> t)
{
    /// <summary>How long the settings' choices are kept: they change only when the API is upgraded.</summary>
    private static readonly TimeSpan ChoicesFor = TimeSpan.FromMinutes(5);

    private readonly RulesApiClient api = options.Value.ClientFor(http);

    /// <summary>Who <paramref name="accessToken"/> is (right after sign-in, before the cookie carries it), or the signed-in person.</summary>
    public Task<PersonResponse> MeAsync(CancellationToken cancellationToken, string? accessToken = null) =>
        ReadAsync(() => api.V1.People.Me.GetAsync(request =>
        {
            if (accessToken is not null)
            {
                request.Headers.Add("Authorization", $"Bearer {accessToken}");
            }
        }, cancellationToken));

    /// <summary>A page of the workspace's numbers by name, those matching <paramref name="search"/> (part of a name or number) when given.</summary>
    public Task<List<NumberSummary>> NumbersAsync(string? search, int limit, int offset, CancellationToken cancellationToken) =>
        ReadAsync(() => api.V1.Numbers.GetAsync(request =>
        {
            request.QueryParameters.Q = string.IsNullOrWhiteSpace(search) ? null : search.Trim();
            request.QueryParameters.Limit = limit;
            request.QueryParameters.Offset = offset;
        }, cancellationToken));

    /// <summary>Today's texts against the daily send budgets: the workspace's, its numbers' that are used up, and <paramref name="phoneNumber"/>'s.</summary>
    public Task<BudgetsToday> BudgetsTodayAsync(string? phoneNumber, CancellationToken cancellationToken) =>
        ReadAsync(() => api.V1.Budgets.Today.GetAsync(request => request.QueryParameters.PhoneNumber = phoneNumber, cancellationToken));

    /// <summary>The last <paramref name="days"/> days of <paramref name="phoneNumber"/> in its time zone, or of the whole workspace in UTC.</summary>
    public Task<ActivitySummary> SummaryAsync(string? phoneNumber, int days, CancellationToken cancellationToken) =>
        ReadAsync(() => api.V1.Summary.GetAsync(request =>
        {
            request.QueryParameters.PhoneNumber = phoneNumber;
            request.QueryParameters.Days = days;
        }, cancellationToken));

    /// <summary>The number's settings, or null when it has none.</summary>
    public async Task<NumberSettingsResponse?> NumberAsync(string phoneNumber, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadAsync(() => Number(phoneNumber).GetAsync(cancellationToken: cancellationToken));
        }
        catch (RulesRefusedException refused) when (refused.Problem.Status == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public Task<RulesAnswer<NumberSettingsResponse>> PutNumberAsync(string phoneNumber, WithPhoneNumberPutRequestBody settings, CancellationToken cancellationToken) =>
        ChangeAsync(() => Number(phoneNumber).PutAsync(settings, cancellationToken: cancellationToken));

    /// <summary>The number's auto-replies; none once the number is gone (deleted since the page read it).</summary>
    public async Task<List<AutoReplyResponse>> AutoRepliesAsync(string phoneNumber, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadAsync(() => Number(phoneNumber).AutoReplies.GetAsync(cancellationToken: cancellationToken));
        }
        catch (RulesRefusedException refused) when (refused.Problem.Status == HttpStatusCode.NotFound)
        {
            return [];
        }
    }

    public Task<RulesAnswer<AutoReplyResponse>> CreateAutoReplyAsync(string phoneNumber, string trigger, string schedule, string message, List<TranslationText> translations, string delay, CancellationToken cancellationToken) =>
        ChangeAsync(() => Number(phoneNumber).AutoReplies.PostAsync(
            new AutoRepliesPostRequestBody
            {
                Trigger = trigger,
                Schedule = schedule,
                Message = message,
                Delay = delay,
                Translations = [.. translations.Select(t => new AutoRepliesPostRequestBody_translations { Language = t.Language, Message = t.Message })],
            }, cancellationToken: cancellationToken));

    /// <summary>Saves the message, its translations (none removes them) and its delay.</summary>
    public Task<RulesAnswer<AutoReplyResponse>> EditAutoReplyAsync(string phoneNumber, Guid id, string message, List<TranslationText> translations, string delay, CancellationToken cancellationToken) =>
        ChangeAsync(() => Number(phoneNumber).AutoReplies[id].PutAsync(
            new AutoRepliesPutRequestBody
            {
                Message = message,
                Delay = delay,
                Translations = [.. translations.Select(t => new AutoRepliesPutRequestBody_translations { Language = t.Language, Message = t.Message })],
            }, cancellationToken: cancellationToken));

    public Task<RulesAnswer<object>> DeleteAutoReplyAsync(string phoneNumber, Guid id, CancellationToken cancellationToken) =>
        ChangeAsync<object>(async () =>
        {
            await Number(phoneNumber).AutoReplies[id].DeleteAsync(cancellationToken: cancellationToken);
            return null;
        });

    public Task<RulesAnswer<AutoReplyPreview>> PreviewAsync(string phoneNumber, string message, List<TranslationText>? translations, CancellationToken cancellationToken) =>
        ChangeAsync(() => Number(phoneNumber).AutoReplies.Preview.PostAsync(
            new PreviewPostRequestBody
            {
                Message = message,
                Translations = translations?.Select(t => new PreviewPostRequestBody_translations { Language = t.Language, Message = t.Message }).ToList(),
            }, cancellationToken: cancellationToken));

    /// <summary>What a decision for the imagined event would be, and why; rules changes nothing.</summary>
    public Task<RulesAnswer<Explanation>> ExplainAsync(string phoneNumber, string trigger, string contact, DateTimeOffset? at, string? body, CancellationToken cancellationToken) =>
        ChangeAsync(() => Number(phoneNumber).Explain.PostAsync(
            new ExplainPostRequestBody { Trigger = trigger, Contact = contact, At = at, Body = body }, cancellationToken: cancellationToken));

    /// <summary>The example library in the page's language.</summary>
    public Task<List<ExampleMessage>> ExamplesAsync(CancellationToken cancellationToken) =>
        ReadAsync(() => api.V1.Templates.GetAsync(request => request.Headers.Add("Accept-Language", Languages.Current), cancellationToken));

    /// <summary>The settings' limits, defaults and words, as the API accepts and words them.</summary>
    public async Task<SettingsChoices> ChoicesAsync(CancellationToken cancellationToken) =>
        (await cache.GetOrCreateAsync(typeof(SettingsChoices), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = ChoicesFor;
            return ReadAsync(() => api.V1.Choices.GetAsync(cancellationToken: cancellationToken));
        }))!;

    /// <summary>Newest first; a 400 (a contact that is not a phone number) comes back as the problem to show.</summary>
    public async Task<RulesAnswer<List<DecisionResponse>>> DecisionsAsync(string? contact, string? eventId, int limit, int offset, CancellationToken cancellationToken)
    {
        var answer = await ChangeAsync(() => api.V1.Decisions.GetAsync(request =>
        {
            request.QueryParameters.Contact = contact;
            request.QueryParameters.EventId = eventId;
            request.QueryParameters.Limit = limit;
            request.QueryParameters.Offset = offset;
        }, cancellationToken));
        return answer.Problem is { Status: not HttpStatusCode.BadRequest } problem ? throw new RulesRefusedException(problem) : answer;
    }

    private WithPhoneNumberItemRequestBuilder Number(string phoneNumber) => api.V1.Numbers[phoneNumber];

    private async Task<T> ReadAsync<T>(Func<Task<T?>> call)
    {
        try
        {
            return await call() ?? throw new InvalidOperationException("The rules API answered without a body.");
        }
        catch (ApiException refusal)
        {
            throw new RulesRefusedException(RulesProblem.From(refusal, t));
        }
    }

    /// <summary>A form's request: its refusal (400, 404, 409) is the form's to show; anything else is the error page's.</summary>
    private async Task<RulesAnswer<T>> ChangeAsync<T>(Func<Task<T?>> call)
    {
        try
        {
            return new(await call(), null);
        }
        catch (ApiException refusal) when ((HttpStatusCode)refusal.ResponseStatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.Conflict)
        {
            return new(default, RulesProblem.From(refusal, t));
        }
        catch (ApiException refusal)
        {
            throw new RulesRefusedException(RulesProblem.From(refusal, t));
        }
    }
}
