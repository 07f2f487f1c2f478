using MassTransit;
using AutoReply.Domain.Data;
using AutoReply.Rules.Delivery;
using AutoReply.Rules.Evaluation;
using AutoReply.Rules.Hosting;
using AutoReply.Rules.OptOuts;
using AutoReply.Rules.Outbox;
using AutoReply.Rules.Scheduling;

namespace AutoReply.Rules;

public static class EngineRegistration
{
    public const string OutboxHealthCheckName = "outbox";

    /// <summary>The decision engine: the bus's consumers, the evaluation and its stores, the outbox and the due replies.</summary>
    public static IHostApplicationBuilder AddRulesEngine(this IHostApplicationBuilder builder)
    {
        builder.AddPostgresDbContext<RulesDbContext>(RulesDbContext.Schema);
        builder.AddRedis();
        // Before the bus: hosted services stop in reverse, so the groups are decided until the bus has stopped consuming.
        builder.Services.AddSingleton<GroupCommit>();
        builder.Services.AddHostedService(services => services.GetRequiredService<GroupCommit>());
        builder.AddMessageBus(bus =>
        {
            bus.AddConsumer<CommunicationEventConsumer, CommunicationEventConsumerDefinition>();
            bus.AddConsumer<SendStateConsumer, SendStateConsumerDefinition>();
            bus.AddConsumer<ContactOptedOutConsumer, ContactOptedOutConsumerDefinition>();
        });

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<RulesMetrics>();
        builder.Services.AddSingleton<InOrderRecovery>();
        builder.AddDecisionFacts();
        builder.Services.AddScoped<NumberOwnership>();
        builder.Services.AddScoped<AutoReplyEvaluator>();
        builder.Services.AddScoped<TransactionalOutbox>();
        builder.Services.AddOptions<OutboxOptions>().Bind(builder.Configuration.GetSection(OutboxOptions.Section));
        builder.Services.AddHostedService<OutboxRelay>();
        builder.Services.AddOptions<SchedulingOptions>().Bind(builder.Configuration.GetSection(SchedulingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<DueReplies>();
        builder.Services.AddSingleton<DueReplyAlarm>();
        builder.Services.AddHostedService<DueReplyDispatcher>();
        builder.Services.AddHostedService<RulesBacklog>();
        builder.Services.AddHealthChecks().AddCheck<OutboxHealthCheck>(OutboxHealthCheckName);
        return builder;
    }
}
