namespace AutoReply.IntegrationTests.Infrastructure;

/// <summary>Waits for an outcome of asynchronous work (a message consumed, a text delivered).</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Polls <paramref name="read"/> until <paramref name="done"/> holds; returns the last value either way, for the assertion to judge.</summary>
    public static async Task<T> ReadAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow >= deadline)
            {
                return value;
            }
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }
}
