using AutoReply.ServiceDefaults.Http;
using AutoReply.Security;

namespace AutoReply.Ingress;

public class Program
{
    public static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);

        builder.AddServiceDefaults();
        builder.AddApiKeyAuthentication();
        builder.AddRedis();
        builder.AddMessageBus();
        builder.AddIngress();
        builder.AddRateLimits();
        builder.AddOpenApiDocument("AutoReply ingress", "Communication events in, and the SMS provider's webhooks.", apiKey: true);

        var app = builder.Build();

        app.UseHttpDefaults();
        app.UseProblemDetailsErrors();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapDefaultEndpoints();
        app.MapOpenApiDocument();
        app.MapIngressEndpoints();

        await app.RunAsync();
    }
}
