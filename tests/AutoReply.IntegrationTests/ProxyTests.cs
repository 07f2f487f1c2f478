using System.Net;
using System.Net.Http.Json;
using AutoReply.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AutoReply.IntegrationTests;

/// <summary>
/// Services behind a TLS-terminating proxy (an ingress controller on the pod network 10.0.0.0/8):
/// the client's own address and scheme come from the proxies the configuration names, and no one else.
/// </summary>
public sealed class ProxyTests(RealServers servers)
{
    private static readonly IPAddress IngressController = IPAddress.Parse("10.1.2.3");

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rate_limits_count_each_anonymous_client_by_the_address_a_known_proxy_forwards()
    {
        await using var ingress = Ingress(Environments.Development);
        var client = ClientFrom(ingress, IngressController);

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostEventAsync(client, forwardedFor: "203.0.113.7")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await PostEventAsync(client, forwardedFor: "203.0.113.7")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostEventAsync(client, forwardedFor: "203.0.113.8")).StatusCode);
    }

    [Fact]
    public async Task Forwarded_addresses_from_a_peer_that_is_not_a_known_proxy_are_ignored()
    {
        await using var ingress = Ingress(Environments.Development);
        var client = ClientFrom(ingress, IPAddress.Parse("192.0.2.50"));

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostEventAsync(client, forwardedFor: "203.0.113.7")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await PostEventAsync(client, forwardedFor: "203.0.113.8")).StatusCode);
    }

    [Fact]
    public async Task Outside_development_https_through_the_proxy_gets_hsts_and_plain_http_from_elsewhere_does_not()
    {
        await using var ingress = Ingress(Environments.Production);
        var client = ClientFrom(ingress, IngressController);

        using var https = Get("https", "api.example.com");
        var secured = await client.SendAsync(https, Cancellation);
        Assert.True(secured.Headers.Contains("Strict-Transport-Security"), "No HSTS on an https request through the proxy.");

        using var http = Get("http", "api.example.com");
        Assert.False((await client.SendAsync(http, Cancellation)).Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Outside_development_the_web_app_s_cookies_are_secure()
    {
        await using var web = new ServiceFactory<Web.Program>(servers, environment: Environments.Production);
        var client = ClientFrom(web, IngressController);
        using var signIn = new HttpRequestMessage(HttpMethod.Get, "/login");
        signIn.Headers.Add("X-Forwarded-Proto", "https");
        signIn.Headers.Add("X-Forwarded-Host", "app.example.com");

        var page = await client.SendAsync(signIn, Cancellation);

        var cookies = page.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, cookie => Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task With_a_metrics_port_the_web_app_serves_its_metrics_there_and_not_on_the_port_the_ingress_routes_to()
    {
        await using var web = new ServiceFactory<Web.Program>(servers, new Dictionary<string, string?> { ["Metrics:Port"] = "9464" }, Environments.Production);

        var onMetricsPort = await ScrapeAsync(web, localPort: 9464);
        var onHttpPort = await ScrapeAsync(web, localPort: 8080);

        Assert.Equal(StatusCodes.Status200OK, onMetricsPort.Response.StatusCode);
        Assert.StartsWith("text/plain", onMetricsPort.Response.ContentType, StringComparison.Ordinal);
        Assert.Equal(StatusCodes.Status404NotFound, onHttpPort.Response.StatusCode);
    }

    private static Task<HttpContext> ScrapeAsync(ServiceFactory<Web.Program> service, int localPort) =>
        service.Server.SendAsync(context =>
        {
            context.Request.Method = HttpMethods.Get;
            context.Request.Path = "/metrics";
            context.Connection.LocalPort = localPort;
            context.Connection.RemoteIpAddress = IPAddress.Parse("10.9.8.7");
        }, Cancellation);

    /// <summary>Ingress with the pod network 10.0.0.0/8 as its known proxies and one anonymous request a second.</summary>
    private ServiceFactory<Ingress.Program> Ingress(string environment) =>
        new(servers, new Dictionary<string, string?>
        {
            ["Proxies:KnownNetworks:0"] = "10.0.0.0/8",
            ["RateLimits:Events:RequestsPerSecond"] = "1",
            ["RateLimits:Events:Burst"] = "1",
        }, environment);

    /// <summary>A client whose requests reach <paramref name="service"/> from <paramref name="peer"/>.</summary>
    private static HttpClient ClientFrom<T>(ServiceFactory<T> service, IPAddress peer)
        where T : class =>
        service.WithWebHostBuilder(host => host.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new ConnectionFrom(peer))))
            .CreateClient(new() { AllowAutoRedirect = false });

    private static HttpRequestMessage Get(string scheme, string host)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        request.Headers.Add("X-Forwarded-Proto", scheme);
        request.Headers.Add("X-Forwarded-Host", host);
        return request;
    }

    private static Task<HttpResponseMessage> PostEventAsync(HttpClient client, string forwardedFor)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/events")
        {
            Content = JsonContent.Create(new { id = TestData.EventId(), type = "call.missed", phoneNumber = TestData.PhoneNumber(), contact = TestData.PhoneNumber(), occurredAt = DateTimeOffset.UtcNow }),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return client.SendAsync(request, Cancellation);
    }
}
