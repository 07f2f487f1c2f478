namespace AutoReply.IntegrationTests.Infrastructure;

/// <summary>
/// The rules engine and the rules API in the test process against the real servers, side by side as
/// the AppHost runs them: the engine decides what the bus brings, the API is what clients call.
/// </summary>
public sealed class RulesService(RealServers servers, IReadOnlyDictionary<string, string?>? settings = null) : IAsyncDisposable
{
    public ServiceFactory<Rules.Program> Engine { get; } = new(servers, settings);

    public ServiceFactory<RulesApi.Program> Api { get; } = new(servers, settings);

    /// <summary>The engine's services (its bus, its stores); the first use starts the engine.</summary>
    public IServiceProvider Services => Engine.Services;

    /// <summary>A client of the API with the test key, the engine started behind it.</summary>
    public HttpClient CreateAuthorizedClient()
    {
        _ = Engine.Services;
        return Api.CreateAuthorizedClient();
    }

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        await Engine.DisposeAsync();
    }
}
