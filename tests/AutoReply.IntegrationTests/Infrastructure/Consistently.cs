using System.Runtime.CompilerServices;

namespace AutoReply.IntegrationTests.Infrastructure;

/// <summary>"Nothing more arrives": what a negative check waits for, watched for as long as a late extra could still come.</summary>
public static class Consistently
{
    /// <summary>
    /// Polls <paramref name="read"/> for <paramref name="during"/> and fails at the first value for which
    /// <paramref name="holds"/> does not hold (a late duplicate, a state moved backwards); returns the last value read.
    /// </summary>
    public static async Task<T> HoldsAsync<T>(
        Func<Task<T>> read, Func<T, bool> holds, TimeSpan during, [CallerArgumentExpression(nameof(holds))] string expected = "")
    {
        var until = DateTime.UtcNow + during;
        while (true)
        {
            var value = await read();
            if (!holds(value))
            {
                Assert.Fail($"Expected {expected} for {during.TotalSeconds:0.#} s; it stopped holding with {Eventually.Describe(value)}.");
            }
            if (DateTime.UtcNow >= until)
            {
                return value;
            }
            await Task.Delay(Eventually.PollInterval, TestContext.Current.CancellationToken);
        }
    }
}
