using AutoReply.Rules;
using AutoReply.Rules.Data;
using AutoReply.ServiceDefaults.Http;
using AutoReply.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApiKeyAuthentication();
builder.AddRules();

var app = builder.Build();

app.UseProblemDetailsErrors();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapRulesEndpoints();

await app.MigrateDatabaseAsync<RulesDbContext>();
await app.RunAsync();
