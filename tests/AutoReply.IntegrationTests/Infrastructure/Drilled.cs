using Aspire.Hosting;
using AutoReply.Drill;

namespace AutoReply.IntegrationTests.Infrastructure;

/// <summary>A drill on a running system, held to what every drill must end with whatever its faults.</summary>
public static class Drilled
{
    /// <summary>
    /// Runs the drill and asserts its verdict: more than <paramref name="minimumAccepted"/> events
    /// accepted, none refused or lost, no text twice, no rule broken, and exactly the texts the rules
    /// call for.
    /// </summary>
    public static async Task<DrillReport> KeepsEveryRuleAsync(DistributedApplication app, DrillOptions options, int minimumAccepted)
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var drilled = await DrillSystem.ForAsync(app, options.ApiKey, cancellation);

        var log = new StringWriter();
        var report = await new Drill.Drill(drilled, options, log).RunAsync(cancellation);

        // CI keeps little of a long log: the verdict names the seed, the faults' times and each contact whose texts differ.
        var verdict = $"seed {options.Seed}\n{log}{report.Table()}{string.Join('\n', report.Mismatches)}";
        TestContext.Current.TestOutputHelper?.WriteLine(verdict);
        Assert.True(report.Accepted > minimumAccepted, verdict);
        Assert.True(report.Clean, verdict);
        return report;
    }
}
