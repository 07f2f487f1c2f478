using AutoReply.Rules;
using AutoReply.Rules.Data;
using AutoReply.Rules.People;
using AutoReply.ServiceDefaults.Http;
using AutoReply.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApiKeyAuthentication(platformAdministration: true);
builder.AddRules();
builder.AddRateLimits();
builder.AddOpenApiDocument("AutoReply rules", "Workspaces, their people and API keys, business numbers, their hours and auto-replies, the example library, and the decision log.", apiKey: true);

var app = builder.Build();

app.UseProblemDetailsErrors();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapOpenApiDocument();
app.MapRulesEndpoints();

await app.MigrateDatabaseAsync<RulesDbContext>();
await app.SeedDevelopmentPersonAsync();
await app.RunAsync();
