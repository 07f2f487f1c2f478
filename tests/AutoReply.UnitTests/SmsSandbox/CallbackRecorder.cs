using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using AutoReply.Security;
using Microsoft.AspNetCore.WebUtilities;

namespace AutoReply.UnitTests.SmsSandbox;

/// <summary>A status callback as the receiver got it.</summary>
public sealed record RecordedCallback(string Url, IReadOnlyDictionary<string, string> Fields, string? Signature)
{
    public string Status => Fields["MessageStatus"];
}

/// <summary>
/// Stands in for the receiver of status callbacks: records every attempt, and answers 500 to the
/// first <see cref="RefuseFirst"/> attempts before accepting.
/// </summary>
public sealed class CallbackRecorder : HttpMessageHandler
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly Channel<RecordedCallback> _accepted = Channel.CreateUnbounded<RecordedCallback>();
    private int _refusalsLeft;

    public ConcurrentQueue<RecordedCallback> Attempts { get; } = new();

    public int RefuseFirst
    {
        set => Volatile.Write(ref _refusalsLeft, value);
    }

    /// <summary>The next <paramref name="count"/> accepted callbacks, in the order they arrived.</summary>
    public async Task<IReadOnlyList<RecordedCallback>> NextAcceptedAsync(int count)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Patience);
        var callbacks = new List<RecordedCallback>(count);
        while (callbacks.Count < count)
        {
            callbacks.Add(await _accepted.Reader.ReadAsync(timeout.Token));
        }
        return callbacks;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var form = await request.Content!.ReadAsStringAsync(cancellationToken);
        var fields = QueryHelpers.ParseQuery(form).ToDictionary(field => field.Key, field => field.Value.ToString());
        var signature = request.Headers.TryGetValues(TwilioSignature.HeaderName, out var values) ? values.Single() : null;
        var callback = new RecordedCallback(request.RequestUri!.OriginalString, fields, signature);
        Attempts.Enqueue(callback);

        if (Interlocked.Decrement(ref _refusalsLeft) >= 0)
        {
            return new HttpResponseMessage(HttpStatusCode.InternalServerError);
        }
        await _accepted.Writer.WriteAsync(callback, cancellationToken);
        return new HttpResponseMessage(HttpStatusCode.NoContent);
    }
}
