using AutoReply.Drill;
using AutoReply.IntegrationTests.Infrastructure;

namespace AutoReply.IntegrationTests;

/// <summary>
/// A short drill on the whole system (bench/AutoReply.Drill, the same program the README runs for
/// longer): a minute of generated traffic while the sender is killed and Redis loses its data.
/// </summary>
[Collection(nameof(WholeSystem))]
public sealed class DrillTests(AppHostFixture system)
{
    [Fact]
    public async Task A_minute_of_traffic_with_delayed_replies_through_a_sender_kill_and_redis_data_loss_loses_nothing_and_texts_each_contact_as_the_rules_say()
    {
        var options = new DrillOptions
        {
            Rate = 100,
            Duration = 60,
            Numbers = 20,
            ContactsPerNumber = 10,
            Faults = "sender-kill,redis-data-loss",
            ReplyDelaySeconds = 20,
            Seed = Random.Shared.Next(1, int.MaxValue),
            ApiKey = RunningSystem.ApiKey,
        };

        var report = await Drilled.KeepsEveryRuleAsync(system.App, options, minimumAccepted: 5_000);

        Assert.True(report.Cancelled > 0, "No delayed reply was cancelled by its call-back: " + report.Table());
    }
}
