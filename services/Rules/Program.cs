using AutoReply.Rules;
using AutoReply.ServiceDefaults.Http;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddRulesEngine();

var app = builder.Build();

app.UseProblemDetailsErrors();
app.MapDefaultEndpoints();

await app.RunAsync();
