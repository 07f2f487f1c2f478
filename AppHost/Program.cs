using AutoReply.AppHost.Hosting;

var builder = DistributedApplication.CreateBuilder(args);

var apiKey = builder.Configuration["AUTOREPLY_API_KEY"] ?? "dev-key";
var providerAccount = builder.Configuration["Provider:AccountSid"] ?? "AC00000000000000000000000000000000";
var providerToken = builder.Configuration["Provider:AuthToken"] ?? "dev-token";

var rabbitmq = builder.AddRabbitMQ("rabbitmq");
var redis = builder.AddRedis("redis");
var autoreplydb = builder.AddPostgres("postgres").AddDatabase("autoreplydb");

var sandbox = builder.AddProject("smssandbox", "services/SmsSandbox/AutoReply.SmsSandbox.csproj")
    .WithHttpEndpoint(port: 5090)
    .WithEnvironment("Sandbox__AccountSid", providerAccount)
    .WithEnvironment("Sandbox__AuthToken", providerToken);

var rules = builder.AddProject("rules", "services/Rules/AutoReply.Rules.csproj")
    .WithHttpEndpoint(port: 5081)
    .WithReference(rabbitmq).WaitFor(rabbitmq)
    .WithReference(redis).WaitFor(redis)
    .WithReference(autoreplydb).WaitFor(autoreplydb)
    .WithEnvironment("AUTOREPLY_API_KEY", apiKey);

var ingress = builder.AddProject("ingress", "services/Ingress/AutoReply.Ingress.csproj")
    .WithHttpEndpoint(port: 5080)
    .WithReference(rabbitmq).WaitFor(rabbitmq)
    .WithReference(redis).WaitFor(redis)
    .WaitFor(rules)
    .WithEnvironment("AUTOREPLY_API_KEY", apiKey)
    .WithEnvironment("Provider__AuthToken", providerToken);

builder.AddProject("sender", "services/Sender/AutoReply.Sender.csproj")
    .WithHttpEndpoint(port: 5082)
    .WithReference(rabbitmq).WaitFor(rabbitmq)
    .WithReference(autoreplydb).WaitFor(autoreplydb)
    .WithReference(sandbox).WaitFor(sandbox)
    .WithEnvironment("Provider__BaseUrl", sandbox.GetEndpoint())
    .WithEnvironment("Provider__AccountSid", providerAccount)
    .WithEnvironment("Provider__AuthToken", providerToken)
    .WithEnvironment("Provider__StatusCallbackUrl", ingress.GetEndpoint("/webhooks/provider/status"));

await builder.Build().RunAsync();
