using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Aspire.Hosting;
using Aspire.Hosting.Testing;

namespace AutoReply.IntegrationTests.Infrastructure;

/// <summary>
/// The whole system as <c>dotnet run --project AppHost</c> starts it, through Aspire's testing
/// builder: the real AppHost with its servers, its services (two rules replicas) and its
/// dashboard, on ports of their own, with data in a temporary folder (or in
/// <paramref name="data"/>, to start again on the data of an earlier run).
/// </summary>
public class RunningSystem(TestDataDirectory? data = null, params string[] arguments) : IAsyncLifetime
{
    public const string ApiKey = "e2e-key";
    private static readonly string[] Services = ["ingress", "rules", "rules-api", "sender", "smssandbox", "web"];
    private readonly TestDataDirectory? ownData = data is null ? new TestDataDirectory() : null;

    public DistributedApplication App { get; private set; } = null!;

    public string Url(string resource) => App.GetEndpoint(resource, "http").ToString().TrimEnd('/');

    /// <summary>A client of the resource's HTTP endpoint with the API key of this run.</summary>
    public HttpClient Client(string resource)
    {
        var client = App.CreateHttpClient(resource, "http");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        return client;
    }

    /// <summary>Posts a call or text event to ingress as a platform service would, happening now; its id.</summary>
    public async Task<string> PostEventAsync(string type, string phoneNumber, string contact, string? body = null)
    {
        using var ingress = Client("ingress");
        var id = TestData.EventId();
        var response = await ingress.PostAsJsonAsync("/v1/events",
            new { id, type, phoneNumber, contact, occurredAt = DateTimeOffset.UtcNow, body }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return id;
    }

    public async ValueTask InitializeAsync()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AutoReply_AppHost>(
            new DistributedApplicationTestingBuilderOptions { EnableDashboard = true },
            [.. (data ?? ownData)!.AppHostArguments, $"--AUTOREPLY_API_KEY={ApiKey}", .. arguments],
            cancellation);
        App = await builder.BuildAsync(cancellation);
        await App.StartAsync(cancellation);
        await Task.WhenAll(Services.Select(service => App.ResourceNotifications.WaitForResourceHealthyAsync(service, cancellation)));
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        ownData?.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>One running system shared by the tests of <see cref="WholeSystem"/>.</summary>
public sealed class AppHostFixture() : RunningSystem(null);

[CollectionDefinition(nameof(WholeSystem))]
public sealed class WholeSystem : ICollectionFixture<AppHostFixture>;
