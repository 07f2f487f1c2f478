using AutoReply.Sender;
using AutoReply.ServiceDefaults.Http;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddSender();

var app = builder.Build();

app.UseProblemDetailsErrors();
app.MapDefaultEndpoints();

await app.RunAsync();
