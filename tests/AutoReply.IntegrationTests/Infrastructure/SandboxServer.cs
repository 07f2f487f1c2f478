using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AutoReply.IntegrationTests.Infrastructure;

/// <summary>The SMS sandbox on a real Kestrel port, so the sender reaches it over HTTP as it would the provider.</summary>
public sealed class SandboxServer : WebApplicationFactory<AutoReply.SmsSandbox.Program>
{
    public SandboxServer()
    {
        Port = UnusedPort.Next();
        UseKestrel(Port);
        StartServer();
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    /// <summary>The settings that point the sender at this sandbox.</summary>
    public Dictionary<string, string?> ProviderSettings => new()
    {
        ["Provider:BaseUrl"] = Url,
        ["Provider:AccountSid"] = TestProvider.AccountSid,
        ["Provider:AuthToken"] = TestProvider.AuthToken,
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Sandbox:StatusCallbackDelayMs", "50");
    }

    public SandboxApi Api => new(Url);
}
