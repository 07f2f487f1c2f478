using System.Net.Http.Headers;
using System.Text;
using AutoReply.SmsSandbox;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SandboxProgram = AutoReply.SmsSandbox.Program;

namespace AutoReply.UnitTests.SmsSandbox;

/// <summary>
/// The sandbox in memory with its default account, fast status changes and retries, and its status
/// callbacks captured by <see cref="Callbacks"/> instead of leaving the process.
/// </summary>
public sealed class SandboxFactory : WebApplicationFactory<SandboxProgram>
{
    public const string AccountSid = "AC00000000000000000000000000000000";
    public const string AuthToken = "dev-token";
    public const string MessagesPath = $"/2010-04-01/Accounts/{AccountSid}/Messages.json";
    public const string BusinessNumber = "+15005550006";

    public CallbackRecorder Callbacks { get; } = new();

    public HttpClient CreateAuthorizedClient(string user = AccountSid, string password = AuthToken)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Sandbox:StatusCallbackDelayMs", "10");
        builder.UseSetting("Sandbox:StatusCallbackRetries", "2");
        builder.UseSetting("Sandbox:StatusCallbackRetryDelayMs", "10");
        builder.ConfigureTestServices(services => services
            .AddHttpClient(StatusCallbackSender.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => Callbacks));
    }
}
