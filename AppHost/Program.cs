using Microsoft.Extensions.Configuration;
using AutoReply.AppHost.Servers;

var builder = DistributedApplication.CreateBuilder(args);

var apiKey = builder.AddParameter("api-key", () => builder.Configuration["AUTOREPLY_API_KEY"] ?? "dev-key", secret: true);
var providerAccount = builder.AddParameter("provider-account-sid", () => builder.Configuration["Provider:AccountSid"] ?? "AC00000000000000000000000000000000");
var providerToken = builder.AddParameter("provider-auth-token", () => builder.Configuration["Provider:AuthToken"] ?? "dev-token", secret: true);

var rabbitmq = builder.AddMessageBroker("rabbitmq");
var redis = builder.AddCache("redis");
var autoreplydb = builder.AddDatabase("postgres", "autoreplydb");

var sandbox = builder.AddProject<Projects.AutoReply_SmsSandbox>("smssandbox")
    .WithHttpEndpoint(port: 5090, name: "http")
    .WithEnvironment("Sandbox__AccountSid", providerAccount)
    .WithEnvironment("Sandbox__AuthToken", providerToken)
    .WithHttpHealthCheck("/health");

var rules = builder.AddProject<Projects.AutoReply_Rules>("rules")
    .WithHttpEndpoint(port: 5081, name: "http")
    .WithReplicas(builder.Configuration.GetValue("AppHost:Replicas:rules", 2))
    .WithReference(rabbitmq).WaitFor(rabbitmq)
    .WithReference(redis).WaitFor(redis)
    .WithReference(autoreplydb).WaitFor(autoreplydb)
    .WithEnvironment("AUTOREPLY_API_KEY", apiKey)
    .WithHttpHealthCheck("/health");

var ingress = builder.AddProject<Projects.AutoReply_Ingress>("ingress")
    .WithHttpEndpoint(port: 5080, name: "http")
    .WithReference(rabbitmq).WaitFor(rabbitmq)
    .WithReference(redis).WaitFor(redis)
    // Events are published with the mandatory flag: they are refused until rules has bound its queue.
    .WaitFor(rules)
    .WithEnvironment("AUTOREPLY_API_KEY", apiKey)
    .WithEnvironment("Provider__AuthToken", providerToken)
    .WithHttpHealthCheck("/health");

builder.AddProject<Projects.AutoReply_Sender>("sender")
    .WithHttpEndpoint(port: 5082, name: "http")
    .WithReference(rabbitmq).WaitFor(rabbitmq)
    .WithReference(autoreplydb).WaitFor(autoreplydb)
    .WithReference(sandbox).WaitFor(sandbox)
    .WithEnvironment("Provider__BaseUrl", sandbox.GetEndpoint("http"))
    .WithEnvironment("Provider__AccountSid", providerAccount)
    .WithEnvironment("Provider__AuthToken", providerToken)
    .WithEnvironment("Provider__StatusCallbackUrl", ReferenceExpression.Create($"{ingress.GetEndpoint("http")}/webhooks/provider/status"))
    .WithHttpHealthCheck("/health");

await builder.Build().RunAsync();
