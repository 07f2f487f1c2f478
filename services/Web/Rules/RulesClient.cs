using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace AutoReply.Web.Rules;

/// <summary>
/// The rules API as the web app calls it: as the signed-in person (<see cref="PersonTokenHandler"/>),
/// about the workspace the page is about. Reads a page cannot do without throw
/// <see cref="RulesRefusedException"/>; changes answer a <see cref="RulesAnswer{T}"/> the form shows.
/// </summary>
public sealed class RulesClient(HttpClient http, IOptions<RulesApiOptions> options)
{
    /// <summary>Who <paramref name="accessToken"/> is (right after sign-in, before the cookie carries it), or the signed-in person.</summary>
    public async Task<SignedInPerson> MeAsync(CancellationToken cancellationToken, string? accessToken = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url("/v1/people/me"));
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }
        return await ReadAsync<SignedInPerson>(request, cancellationToken);
    }

    public Task<List<NumberSummary>> NumbersAsync(CancellationToken cancellationToken) =>
        GetAsync<List<NumberSummary>>("/v1/numbers?limit=500", cancellationToken);

    /// <summary>The number's settings, or null when it has none.</summary>
    public async Task<NumberSettings?> NumberAsync(string phoneNumber, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url(NumberPath(phoneNumber)));
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        return await ReadAsync<NumberSettings>(response, cancellationToken);
    }

    public Task<RulesAnswer<NumberSettings>> PutNumberAsync(string phoneNumber, NumberSettings settings, CancellationToken cancellationToken) =>
        ChangeAsync<NumberSettings>(HttpMethod.Put, NumberPath(phoneNumber), settings, cancellationToken);

    /// <summary>The number's auto-replies; none once the number is gone (deleted since the page read it).</summary>
    public async Task<List<AutoReplySlot>> AutoRepliesAsync(string phoneNumber, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(Url(AutoRepliesPath(phoneNumber)), cancellationToken);
        return response.StatusCode == HttpStatusCode.NotFound ? [] : await ReadAsync<List<AutoReplySlot>>(response, cancellationToken);
    }

    public Task<RulesAnswer<AutoReplySlot>> CreateAutoReplyAsync(string phoneNumber, string trigger, string schedule, string message, string delay, CancellationToken cancellationToken) =>
        ChangeAsync<AutoReplySlot>(HttpMethod.Post, AutoRepliesPath(phoneNumber), new { trigger, schedule, message, delay }, cancellationToken);

    public Task<RulesAnswer<AutoReplySlot>> EditAutoReplyAsync(string phoneNumber, Guid id, string message, string delay, CancellationToken cancellationToken) =>
        ChangeAsync<AutoReplySlot>(HttpMethod.Put, $"{AutoRepliesPath(phoneNumber)}/{id}", new { message, delay }, cancellationToken);

    public Task<RulesAnswer<object>> DeleteAutoReplyAsync(string phoneNumber, Guid id, CancellationToken cancellationToken) =>
        ChangeAsync<object>(HttpMethod.Delete, $"{AutoRepliesPath(phoneNumber)}/{id}", null, cancellationToken);

    public Task<RulesAnswer<MessagePreview>> PreviewAsync(string phoneNumber, string message, CancellationToken cancellationToken) =>
        ChangeAsync<MessagePreview>(HttpMethod.Post, $"{AutoRepliesPath(phoneNumber)}/preview", new { message }, cancellationToken);

    /// <summary>What a decision for the imagined event would be, and why; rules changes nothing.</summary>
    public Task<RulesAnswer<Explanation>> ExplainAsync(string phoneNumber, string trigger, string contact, DateTimeOffset? at, string? body, CancellationToken cancellationToken) =>
        ChangeAsync<Explanation>(HttpMethod.Post, $"{NumberPath(phoneNumber)}/explain", new { trigger, contact, at, body }, cancellationToken);

    public Task<List<ExampleMessage>> ExamplesAsync(CancellationToken cancellationToken) =>
        GetAsync<List<ExampleMessage>>("/v1/templates", cancellationToken);

    /// <summary>Newest first; a 400 (a contact that is not a phone number) comes back as the problem to show.</summary>
    public async Task<RulesAnswer<List<DecisionEntry>>> DecisionsAsync(string? contact, string? eventId, int limit, int offset, CancellationToken cancellationToken)
    {
        var query = $"/v1/decisions?limit={limit}&offset={offset}&contact={Uri.EscapeDataString(contact ?? "")}&eventId={Uri.EscapeDataString(eventId ?? "")}";
        using var response = await http.GetAsync(Url(query), cancellationToken);
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            return new(null, await RulesProblem.ReadAsync(response, cancellationToken));
        }
        return new(await ReadAsync<List<DecisionEntry>>(response, cancellationToken), null);
    }

    private async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url(path));
        return await ReadAsync<T>(request, cancellationToken);
    }

    private async Task<T> ReadAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(request, cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new RulesRefusedException(await RulesProblem.ReadAsync(response, cancellationToken));
        }
        return (await response.Content.ReadFromJsonAsync<T>(cancellationToken))!;
    }

    /// <summary>A form's request: its refusal (400, 404, 409) is the form's to show; anything else is the error page's.</summary>
    private async Task<RulesAnswer<T>> ChangeAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, Url(path)) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.Conflict)
        {
            return new(default, await RulesProblem.ReadAsync(response, cancellationToken));
        }
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            return new(default, null);
        }
        return new(await ReadAsync<T>(response, cancellationToken), null);
    }

    private static string NumberPath(string phoneNumber) => $"/v1/numbers/{Uri.EscapeDataString(phoneNumber)}";

    private static string AutoRepliesPath(string phoneNumber) => $"{NumberPath(phoneNumber)}/auto-replies";

    private Uri Url(string path) => new(options.Value.Url, path);
}
