using AutoReply.Domain.Data;
using AutoReply.RulesApi.Audit;
using AutoReply.RulesApi.AutoReplies;
using AutoReply.RulesApi.Budgets;
using AutoReply.RulesApi.Decisions;
using AutoReply.RulesApi.Explain;
using AutoReply.RulesApi.Numbers;
using AutoReply.RulesApi.People;
using AutoReply.RulesApi.Choices;
using AutoReply.RulesApi.Summary;
using AutoReply.RulesApi.Templates;
using AutoReply.RulesApi.Workspaces;
using AutoReply.ServiceDefaults.Http;
using AutoReply.Security;

namespace AutoReply.RulesApi;

public static class RulesApiRegistration
{
    /// <summary>The rules API: its data, the people who sign in, and each endpoint group's validators and helpers.</summary>
    public static IHostApplicationBuilder AddRulesApi(this IHostApplicationBuilder builder)
    {
        builder.AddPostgresDbContext<RulesDbContext>(RulesDbContext.Schema);
        builder.AddPostgresDbContext<SchemaDbContext>(RulesDbContext.Schema);
        builder.AddPeople();
        builder.AddRedis();
        builder.AddDecisionFacts();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<NumberSettingsValidator>();
        builder.Services.AddSingleton<AutoReplyRequestValidator>();
        builder.Services.AddSingleton<DecisionQueryValidator>();
        builder.Services.AddSingleton<SummaryQueryValidator>();
        builder.Services.AddSingleton<WorkspaceRequestValidator>();
        builder.Services.AddSingleton<ExplainRequestValidator>();
        builder.Services.AddScoped<ReplyExplainer>();
        builder.Services.AddScoped<IApiKeyResolver, DatabaseApiKeyResolver>();
        builder.Services.AddScoped<AuditTrail>();
        return builder;
    }

    public static IEndpointRouteBuilder MapRulesApiEndpoints(this IEndpointRouteBuilder routes)
    {
        var api = routes.RateLimitedGroup(RateLimits.Management);
        api.MapNumberEndpoints();
        api.MapAutoReplyEndpoints();
        api.MapDecisionEndpoints();
        api.MapExplainEndpoints();
        api.MapTemplateEndpoints();
        api.MapBudgetEndpoints();
        api.MapSummaryEndpoints();
        api.MapChoiceEndpoints();
        api.MapWorkspaceEndpoints();
        api.MapAuditEndpoints();
        api.MapPeopleEndpoints();
        api.MapMemberEndpoints();
        return routes;
    }
}
