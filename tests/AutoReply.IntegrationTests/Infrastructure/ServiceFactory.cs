using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AutoReply.IntegrationTests.Infrastructure;

/// <summary>
/// One AutoReply service in the test process, wired to the real servers exactly as the AppHost
/// wires it (connection strings by name), plus any settings the test adds.
/// </summary>
public sealed class ServiceFactory<TEntryPoint>(
    RealServers servers,
    IReadOnlyDictionary<string, string?>? settings = null,
    string environment = "Development")
    : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    public const string ApiKey = "test-key";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        foreach (var (name, value) in servers.ConnectionStrings)
        {
            builder.UseSetting($"ConnectionStrings:{name}", value);
        }
        builder.UseSetting("AUTOREPLY_API_KEY", ApiKey);
        builder.UseSetting("Provider:AuthToken", TestProvider.AuthToken);
        foreach (var (name, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(name, value);
        }
    }

    public HttpClient CreateAuthorizedClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", ApiKey);
        return client;
    }
}

public static class TestProvider
{
    public const string AccountSid = "AC00000000000000000000000000000000";
    public const string AuthToken = "dev-token";
}
