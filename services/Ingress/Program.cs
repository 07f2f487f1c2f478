using AutoReply.Ingress;
using AutoReply.ServiceDefaults.Http;
using AutoReply.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApiKeyAuthentication();
builder.AddRedis();
builder.AddMessageBus();
builder.AddIngress();

var app = builder.Build();

app.UseProblemDetailsErrors();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapIngressEndpoints();

app.Run();
