using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace AutoReply.Sender.Provider;

/// <summary>
/// The provider client: Twilio's Messages resource (form-encoded POST, Basic auth, JSON answers).
/// The HTTP pipeline around it (<see cref="ProviderPipeline"/>) does rate limiting, timeouts,
/// retries and circuit breaking; this class turns answers into <see cref="ProviderAnswer"/>s.
/// </summary>
public sealed class TwilioMessagesClient
{
    public const string IdempotencyHeader = "Idempotency-Key";

    private readonly HttpClient http;
    private readonly ProviderOptions options;

    public TwilioMessagesClient(HttpClient http, IOptions<ProviderOptions> options)
    {
        this.http = http;
        this.options = options.Value;
        http.BaseAddress = this.options.BaseUrl;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{this.options.AccountSid}:{this.options.AuthToken}")));
    }

    private string MessagesPath => $"2010-04-01/Accounts/{Uri.EscapeDataString(options.AccountSid)}/Messages.json";

    public async Task<ProviderAnswer> SendAsync(OutgoingText text, CancellationToken cancellationToken)
    {
        var fields = new Dictionary<string, string> { ["To"] = text.To, ["From"] = text.From, ["Body"] = text.Body };
        if (options.StatusCallbackUrl is not null)
        {
            fields["StatusCallback"] = options.StatusCallbackUrl.ToString();
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, MessagesPath) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add(IdempotencyHeader, text.IdempotencyKey);
        request.Options.Set(ProviderPipeline.SendingNumber, text.From);

        using var response = await CallAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            var message = await response.Content.ReadFromJsonAsync<TwilioMessage>(cancellationToken)
                ?? throw new ProviderOutcomeUnknownException("The provider accepted the message but its answer was empty.");
            return new Accepted(message.Sid, message.Status);
        }

        if (IsPermanent(response.StatusCode))
        {
            var error = await ReadErrorAsync(response, cancellationToken);
            return new Rejected(error.Code?.ToString(CultureInfo.InvariantCulture) ?? ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture),
                error.Message ?? response.ReasonPhrase ?? "Rejected by the provider.");
        }

        if (response.StatusCode == HttpStatusCode.InternalServerError)
        {
            // The provider may have stored the message before failing.
            throw new ProviderOutcomeUnknownException("The provider answered 500.");
        }
        throw new ProviderUnavailableException($"The provider answered {(int)response.StatusCode} after retries.");
    }

    /// <summary>
    /// Looks for a message this client sent earlier for the same text (after an ambiguous attempt):
    /// same sender, recipient and body, created since <paramref name="since"/>.
    /// </summary>
    public async Task<Accepted?> FindSentAsync(OutgoingText text, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var query = $"?To={Uri.EscapeDataString(text.To)}&From={Uri.EscapeDataString(text.From)}&PageSize=100";
        using var request = new HttpRequestMessage(HttpMethod.Get, MessagesPath + query);
        using var response = await CallAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new ProviderUnavailableException($"The provider's message list answered {(int)response.StatusCode}.");
        }

        var page = await response.Content.ReadFromJsonAsync<TwilioMessagePage>(cancellationToken);
        var match = page?.Messages.FirstOrDefault(m =>
            m.Body == text.Body
            && (m.DateCreated is null || DateTimeOffset.Parse(m.DateCreated, CultureInfo.InvariantCulture) >= since.AddMinutes(-1)));
        return match is null ? null : new Accepted(match.Sid, match.Status);
    }

    private async Task<HttpResponseMessage> CallAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError == HttpRequestError.ConnectionError)
        {
            throw new ProviderUnavailableException("The provider could not be reached.", ex);
        }
        catch (Exception ex) when (ex is BrokenCircuitException or RateLimiterRejectedException)
        {
            throw new ProviderUnavailableException("The provider pipeline refused the call: " + ex.Message, ex);
        }
        catch (Exception ex) when (ex is TimeoutRejectedException or HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new ProviderOutcomeUnknownException("No answer from the provider after the request was sent.", ex);
        }
    }

    private static bool IsPermanent(HttpStatusCode status) =>
        (int)status is >= 400 and < 500 && status != HttpStatusCode.TooManyRequests;

    private static async Task<TwilioError> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<TwilioError>(cancellationToken) ?? new TwilioError(null, null);
        }
        catch (System.Text.Json.JsonException)
        {
            return new TwilioError(null, null);
        }
    }

    private sealed record TwilioMessage(
        [property: JsonPropertyName("sid")] string Sid,
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("body")] string? Body,
        [property: JsonPropertyName("date_created")] string? DateCreated);

    private sealed record TwilioMessagePage([property: JsonPropertyName("messages")] List<TwilioMessage> Messages);

    private sealed record TwilioError(
        [property: JsonPropertyName("code")] int? Code,
        [property: JsonPropertyName("message")] string? Message);
}
