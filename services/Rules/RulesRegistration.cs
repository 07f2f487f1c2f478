using MassTransit;
using AutoReply.Rules.Audit;
using AutoReply.Rules.AutoReplies;
using AutoReply.Rules.Data;
using AutoReply.Rules.Decisions;
using AutoReply.Rules.Evaluation;
using AutoReply.Rules.Explain;
using AutoReply.Rules.Numbers;
using AutoReply.Rules.OptOuts;
using AutoReply.Rules.Outbox;
using AutoReply.Rules.People;
using AutoReply.Rules.Scheduling;
using AutoReply.Rules.Templates;
using AutoReply.Rules.Workspaces;
using AutoReply.ServiceDefaults.Security;
using AutoReply.ServiceDefaults.Http;

namespace AutoReply.Rules;

public static class RulesRegistration
{
    public const string OutboxHealthCheckName = "outbox";

    public static IHostApplicationBuilder AddRules(this IHostApplicationBuilder builder)
    {
        builder.AddPostgresDbContext<RulesDbContext>(RulesDbContext.Schema);
        builder.AddPeople();
        builder.AddRedis();
        builder.AddMessageBus(bus =>
        {
            bus.AddConsumer<CommunicationEventConsumer, CommunicationEventConsumerDefinition>();
            bus.AddConsumer<SendStateConsumer, SendStateConsumerDefinition>();
            bus.AddConsumer<ContactOptedOutConsumer, ContactOptedOutConsumerDefinition>();
        });

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<RulesMetrics>();
        builder.Services.AddSingleton<RedisFastPath>();
        builder.Services.AddSingleton<InOrderRecovery>();
        builder.Services.AddScoped<IContactActivityStore, ContactActivityStore>();
        builder.Services.AddScoped<ICooldownStore, CooldownStore>();
        builder.Services.AddScoped<ISendBudgets, SendBudgets>();
        builder.Services.AddScoped<LoopGuard>();
        builder.Services.AddOptions<SendBudgetOptions>().Bind(builder.Configuration.GetSection(SendBudgetOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<LoopGuardOptions>().Bind(builder.Configuration.GetSection(LoopGuardOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<AutoReplyEvaluator>();
        builder.Services.AddScoped<TransactionalOutbox>();
        builder.Services.AddOptions<OutboxOptions>().Bind(builder.Configuration.GetSection(OutboxOptions.Section));
        builder.Services.AddHostedService<OutboxRelay>();
        builder.Services.AddOptions<SchedulingOptions>().Bind(builder.Configuration.GetSection(SchedulingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<DueReplies>();
        builder.Services.AddHostedService<DueReplyDispatcher>();
        builder.Services.AddHealthChecks().AddCheck<OutboxHealthCheck>(OutboxHealthCheckName, tags: [ServiceDefaultsExtensions.ReadyTag]);
        builder.Services.AddSingleton<NumberSettingsValidator>();
        builder.Services.AddSingleton<AutoReplyRequestValidator>();
        builder.Services.AddSingleton<DecisionQueryValidator>();
        builder.Services.AddSingleton<WorkspaceRequestValidator>();
        builder.Services.AddSingleton<ExplainRequestValidator>();
        builder.Services.AddScoped<ReplyExplainer>();
        builder.Services.AddScoped<IApiKeyResolver, DatabaseApiKeyResolver>();
        builder.Services.AddScoped<NumberOwnership>();
        builder.Services.AddScoped<AuditTrail>();
        return builder;
    }

    public static IEndpointRouteBuilder MapRulesEndpoints(this IEndpointRouteBuilder routes)
    {
        var api = routes.RateLimitedGroup(RateLimits.Management);
        api.MapNumberEndpoints();
        api.MapAutoReplyEndpoints();
        api.MapDecisionEndpoints();
        api.MapExplainEndpoints();
        api.MapTemplateEndpoints();
        api.MapWorkspaceEndpoints();
        api.MapAuditEndpoints();
        api.MapPeopleEndpoints();
        api.MapMemberEndpoints();
        return routes;
    }
}
