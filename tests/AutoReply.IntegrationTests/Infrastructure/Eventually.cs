using System.Runtime.CompilerServices;
using System.Text.Json;

namespace AutoReply.IntegrationTests.Infrastructure;

/// <summary>Waits for an outcome of asynchronous work (a message consumed, a text delivered).</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    internal static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Polls <paramref name="read"/> until <paramref name="done"/> holds and returns that value; when
    /// <paramref name="timeout"/> passes first, the test fails with what it waited for and the last value read.
    /// </summary>
    public static async Task<T> ReadAsync<T>(
        Func<Task<T>> read, Func<T, bool> done, TimeSpan? timeout = null, [CallerArgumentExpression(nameof(done))] string waitedFor = "")
    {
        var limit = timeout ?? DefaultTimeout;
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }
            if (DateTime.UtcNow >= deadline)
            {
                Assert.Fail($"Waited {limit.TotalSeconds:0.#} s for {waitedFor}; the last value read was {Describe(value)}.");
            }
            await Task.Delay(PollInterval, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>A value as the failure shows it: its JSON when it has one.</summary>
    internal static string Describe<T>(T value)
    {
        try
        {
            return JsonSerializer.Serialize(value, JsonSerializerOptions.Web);
        }
        catch (NotSupportedException)
        {
            return value?.ToString() ?? "null";
        }
    }
}
