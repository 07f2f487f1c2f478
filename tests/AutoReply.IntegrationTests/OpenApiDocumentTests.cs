using System.Text.Json;
using System.Text.Json.Nodes;
using AutoReply.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AutoReply.IntegrationTests;

/// <summary>
/// The OpenAPI documents in <c>docs/openapi/</c> are the contract users read: each must be exactly what
/// its service serves. After a deliberate change to an endpoint, regenerate them with
/// <c>AUTOREPLY_WRITE_OPENAPI=1 eng/test.sh</c> and review the diff like code.
/// </summary>
public sealed class OpenApiDocumentTests(RealServers servers)
{
    private static readonly bool Write = Environment.GetEnvironmentVariable("AUTOREPLY_WRITE_OPENAPI") == "1";

    [Fact]
    public async Task Ingress_serves_the_committed_openapi_document()
    {
        await using var ingress = new ServiceFactory<Ingress.Program>(servers);
        await AssertServedDocumentIsCommittedAsync(ingress, "ingress");
    }

    [Fact]
    public async Task Rules_serves_the_committed_openapi_document()
    {
        await using var rules = new ServiceFactory<RulesApi.Program>(servers);
        await AssertServedDocumentIsCommittedAsync(rules, "rules");
    }

    [Fact]
    public async Task Sms_sandbox_serves_the_committed_openapi_document()
    {
        await using var sandbox = new SandboxServer();
        await AssertServedDocumentIsCommittedAsync(sandbox, "smssandbox");
    }

    private static async Task AssertServedDocumentIsCommittedAsync<TEntryPoint>(WebApplicationFactory<TEntryPoint> service, string name)
        where TEntryPoint : class
    {
        var served = Normalize(await service.CreateClient().GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken));
        var path = Path.Combine(Repository.Root, "docs", "openapi", $"{name}.json");
        if (Write)
        {
            await File.WriteAllTextAsync(path, served, TestContext.Current.CancellationToken);
        }

        Assert.True(File.Exists(path), $"{path} is missing; write it with AUTOREPLY_WRITE_OPENAPI=1.");
        var committed = Normalize(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
        Assert.Equal(committed, served);
    }

    private static string Normalize(string json) =>
        JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
}
