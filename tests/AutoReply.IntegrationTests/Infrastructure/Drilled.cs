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

        var report = await new Drill.Drill(drilled, options, TextWriter.Null).RunAsync(cancellation);

        TestContext.Current.TestOutputHelper?.WriteLine($"seed {options.Seed}\n{report.Table()}");
        Assert.True(report.Accepted > minimumAccepted, report.Table());
        Assert.Equal(
            (Refused: 0, Lost: 0, Duplicates: 0, CooldownViolations: 0, ActivityViolations: 0, OptOutViolations: 0, CallBackViolations: 0, Texts: report.ExpectedTexts),
            (report.Refused, report.Lost, report.Duplicates, report.CooldownViolations, report.ActivityViolations, report.OptOutViolations, report.CallBackViolations, report.Texts));
        return report;
    }
}
