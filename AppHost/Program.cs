using AutoReply.AppHost;
using AutoReply.AppHost.Servers;
using Microsoft.Extensions.Configuration;

var builder = DistributedApplication.CreateBuilder(args);

var apiKey = builder.AddParameter("api-key", () => builder.Configuration["AUTOREPLY_API_KEY"] ?? "dev-key", secret: true);
var adminKey = builder.AddParameter("admin-key", () => builder.Configuration["AUTOREPLY_ADMIN_KEY"] ?? "dev-admin-key", secret: true);
var providerAccount = builder.AddParameter("provider-account-sid", () => builder.Configuration["Provider:AccountSid"] ?? "AC00000000000000000000000000000000");
var providerToken = builder.AddParameter("provider-auth-token", () => builder.Configuration["Provider:AuthToken"] ?? "dev-token", secret: true);

var rabbitmq = builder.AddMessageBroker("rabbitmq");
var redis = builder.AddCache("redis");
var autoreplydb = builder.AddDatabase("postgres", "autoreplydb");

var sandbox = builder.AddService<Projects.AutoReply_SmsSandbox>("smssandbox", port: 5090)
    .WithEnvironment("Sandbox__AccountSid", providerAccount)
    .WithEnvironment("Sandbox__AuthToken", providerToken);

// The schemas are brought up to date once, before any service starts; a failed migration stops the start here.
var migrations = builder.AddProject<Projects.AutoReply_Migrator>("migrations")
    .WithReference(autoreplydb).WaitFor(autoreplydb)
    .WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName);

// The decision engine: consumes the events, decides, sends through its outbox; scaled by its queue.
var rules = builder.AddService<Projects.AutoReply_Rules>("rules", port: 5083)
    .WithReplicas(builder.Configuration.GetValue("AppHost:Replicas:rules", 2))
    .WithReference(rabbitmq).WaitFor(rabbitmq)
    .WithReference(redis).WaitFor(redis)
    .WithReference(autoreplydb).WaitForCompletion(migrations);

// The rules API: workspaces, keys, people, numbers, auto-replies, the decision log and explain.
var rulesApi = builder.AddService<Projects.AutoReply_RulesApi>("rules-api", port: 5081)
    .WithReplicas(builder.Configuration.GetValue("AppHost:Replicas:rules-api", 1))
    .WithReference(redis).WaitFor(redis)
    .WithReference(autoreplydb).WaitForCompletion(migrations)
    .WithEnvironment("AUTOREPLY_API_KEY", apiKey)
    .WithEnvironment("AUTOREPLY_ADMIN_KEY", adminKey);

var ingress = builder.AddService<Projects.AutoReply_Ingress>("ingress", port: 5080)
    .WithReference(rabbitmq).WaitFor(rabbitmq)
    .WithReference(redis).WaitFor(redis)
    // Workspaces' keys are checked with the rules API (GET /v1/keys/current).
    .WithReference(rulesApi).WaitFor(rulesApi)
    // Events are published with the mandatory flag: they are refused until rules has bound its queue.
    .WaitFor(rules)
    .WithEnvironment("AUTOREPLY_API_KEY", apiKey)
    .WithEnvironment("Provider__AuthToken", providerToken);

builder.AddService<Projects.AutoReply_Sender>("sender", port: 5082)
    .WithReference(rabbitmq).WaitFor(rabbitmq)
    .WithReference(autoreplydb).WaitForCompletion(migrations)
    .WithReference(sandbox).WaitFor(sandbox)
    .WithEnvironment("Provider__BaseUrl", sandbox.GetEndpoint(ServiceProjects.Http))
    .WithEnvironment("Provider__AccountSid", providerAccount)
    .WithEnvironment("Provider__AuthToken", providerToken)
    .WithEnvironment("Provider__StatusCallbackUrl", ReferenceExpression.Create($"{ingress.GetEndpoint(ServiceProjects.Http)}/webhooks/provider/status"));

// The business's web app: people sign in and call rules as themselves; its cookie keys are in Redis.
builder.AddService<Projects.AutoReply_Web>("web", port: 5070)
    .WithReference(redis).WaitFor(redis)
    .WithReference(rulesApi).WaitFor(rulesApi);

builder.PrintDevelopmentAccess();
builder.StopServicesFirst();

await builder.Build().RunAsync();
