using System.Net;
using System.Text;

namespace AutoReply.UnitTests.Sender;

/// <summary>
/// Stands in for the provider's HTTP API: the n-th request gets the n-th answer of the script, and
/// every request after the script ends gets its last answer.
/// </summary>
internal sealed class ScriptedProvider(params Func<CancellationToken, Task<HttpResponseMessage>>[] script) : HttpMessageHandler
{
    private int requests;

    /// <summary>Requests that reached the provider: each one may have become a text.</summary>
    public int Requests => Volatile.Read(ref requests);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var index = Interlocked.Increment(ref requests) - 1;
        return script[Math.Min(index, script.Length - 1)](cancellationToken);
    }

    public static Func<CancellationToken, Task<HttpResponseMessage>> Status(HttpStatusCode status, TimeSpan? retryAfter = null) => _ =>
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent("", Encoding.UTF8, "application/json") };
        if (retryAfter is not null)
        {
            response.Headers.RetryAfter = new(retryAfter.Value);
        }
        return Task.FromResult(response);
    };

    public static Func<CancellationToken, Task<HttpResponseMessage>> Created(string sid) => _ => Task.FromResult(
        new HttpResponseMessage(HttpStatusCode.Created)
        {
            Content = new StringContent($$"""{"sid":"{{sid}}","status":"queued","to":"+14155550199","from":"+15005550006","body":"Hi","num_segments":"1"}""", Encoding.UTF8, "application/json"),
        });

    /// <summary>Twilio's error body, e.g. 400 with code 21211.</summary>
    public static Func<CancellationToken, Task<HttpResponseMessage>> Error(HttpStatusCode status, int code, string message) => _ => Task.FromResult(
        new HttpResponseMessage(status)
        {
            Content = new StringContent(
                $$"""{"code":{{code}},"message":"{{message}}","more_info":"https://www.twilio.com/docs/errors/{{code}}","status":{{(int)status}}}""",
                Encoding.UTF8,
                "application/json"),
        });

    public static Func<CancellationToken, Task<HttpResponseMessage>> ConnectionRefused() => _ =>
        Task.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"));

    /// <summary>Takes the request and never answers before the caller gives up.</summary>
    public static Func<CancellationToken, Task<HttpResponseMessage>> Silent() => async cancellationToken =>
    {
        await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        throw new InvalidOperationException("unreachable");
    };
}
