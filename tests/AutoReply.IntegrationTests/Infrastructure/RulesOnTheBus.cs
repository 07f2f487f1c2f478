using AutoReply.Contracts.Events;
using Microsoft.Extensions.DependencyInjection;
using AutoReply.Domain.Policy;
using AutoReply.Domain.Facts;

namespace AutoReply.IntegrationTests.Infrastructure;

/// <summary>
/// The rules service in the test process against the real servers, the bus its events come from,
/// and its management API: what the tests of the evaluation drive.
/// </summary>
public sealed class RulesOnTheBus(RealServers servers, IReadOnlyDictionary<string, string?>? settings = null) : IAsyncLifetime
{
    public RulesService Service { get; } = new(servers, settings);

    public TestBus<SendStateChanged> Bus { get; private set; } = null!;

    public RulesApiClient Api { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Api = new RulesApiClient(Service.CreateAuthorizedClient());
        Bus = await TestBus.StartAsync<SendStateChanged>(servers.RabbitMq);
    }

    public async ValueTask DisposeAsync()
    {
        await Bus.DisposeAsync();
        await Service.DisposeAsync();
    }

    /// <summary>Waits until rules has recorded the business's call or text to the contact (published a moment ago).</summary>
    public async Task OutboundActivityRecordedAsync(string number, string contact)
    {
        await using var scope = Service.Services.CreateAsyncScope();
        var activity = scope.ServiceProvider.GetRequiredService<IContactActivityStore>();
        await Eventually.ReadAsync(
            () => activity.LastOutboundAsync(new Dictionary<ContactKey, DateTimeOffset> { [new(number, contact)] = DateTimeOffset.UtcNow.AddHours(-1) }, TestContext.Current.CancellationToken),
            recorded => recorded.Count == 1);
    }
}
