using AutoReply.RulesApi.People;
using AutoReply.ServiceDefaults.Http;
using AutoReply.Security;

namespace AutoReply.RulesApi;

public class Program
{
    public static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);

        builder.AddServiceDefaults();
        builder.AddApiKeyAuthentication(platformAdministration: true);
        builder.AddRulesApi();
        builder.AddRateLimits();
        builder.AddOpenApiDocument("AutoReply rules", "Workspaces, their people and API keys, business numbers, their hours and auto-replies, the example library, and the decision log.", apiKey: true);

        var app = builder.Build();

        app.UseHttpDefaults();
        app.UseProblemDetailsErrors();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapDefaultEndpoints();
        app.MapOpenApiDocument();
        app.MapRulesApiEndpoints();

        await app.SeedDevelopmentPersonAsync();
        await app.RunAsync();
    }
}
