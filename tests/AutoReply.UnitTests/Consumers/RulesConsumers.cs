using AutoReply.Contracts;
using AutoReply.UnitTests.Rules;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using AutoReply.Domain.AutoReplies;
using AutoReply.Domain.Data;
using AutoReply.Domain.Decisions;
using AutoReply.Domain.OptOuts;
using AutoReply.Domain.Outbox;
using AutoReply.Rules.Delivery;
using AutoReply.Rules.Evaluation;
using AutoReply.Rules.Outbox;
using AutoReply.Rules.OptOuts;
using AutoReply.Rules.Scheduling;
using AutoReply.Domain.Facts;
using AutoReply.Domain.Languages;

namespace AutoReply.UnitTests.Consumers;

/// <summary>The rules service's three consumers, with in-memory cooldown and activity stores.</summary>
internal sealed class RulesConsumers(SendBudgetOptions? budgets = null) : ConsumerHarness<RulesDbContext>(Start, options => new RulesDbContext(options))
{
    /// <summary>A Tuesday evening in New York: outside the office's hours.</summary>
    public static readonly DateTimeOffset Start = SampleNumbers.Moment("2026-11-24T20:01-05:00");

    public const string PhoneNumber = SampleNumbers.PhoneNumber;

    /// <summary>What the consumers changed in the decisions' counts after writing them.</summary>
    public TrackedDecisionCounts Counts { get; } = new();

    protected override void AddServices(IServiceCollection services)
    {
        services.AddSingleton<RulesMetrics>();
        services.AddSingleton<ICooldownStore, InMemoryCooldownStore>();
        services.AddSingleton(Options.Create(budgets ?? new SendBudgetOptions()));
        services.AddSingleton<ISendBudgets, InMemorySendBudgets>();
        services.AddSingleton(Options.Create(new LoopGuardOptions()));
        services.AddScoped<LoopGuard>();
        services.AddSingleton<IContactActivityStore>(new InMemoryContactActivityStore());
        services.AddSingleton<IContactLanguageStore, InMemoryContactLanguageStore>();
        services.AddSingleton<TextLanguageDetector>();
        services.AddScoped<IDecisionLog, TrackedDecisionLog>();
        services.AddSingleton<IDecisionCounts>(Counts);
        services.AddScoped<AutoReplyEvaluator>();
        services.AddSingleton<GroupCommit>();
        services.AddSingleton<DueReplyAlarm>();
        services.AddScoped<NumberOwnership>();
        services.AddScoped<TransactionalOutbox>();
        services.AddSingleton<InOrderRecovery>();
    }

    public override async Task StartAsync()
    {
        await Services.GetRequiredService<GroupCommit>().StartAsync(CancellationToken.None);
        await base.StartAsync();
    }

    protected override void AddConsumers(IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<CommunicationEventConsumer, CommunicationEventConsumerDefinition>();
        bus.AddConsumer<SendStateConsumer, SendStateConsumerDefinition>();
        bus.AddConsumer<ContactOptedOutConsumer, ContactOptedOutConsumerDefinition>();
    }

    /// <summary>The office (weekdays 9–12 and 13–17 in New York) with the given auto-replies.</summary>
    public async Task SaveOfficeAsync(params (Trigger Trigger, Schedule Schedule, string Message)[] autoReplies)
    {
        var number = SampleNumbers.Office();
        number.AutoReplies.AddRange(autoReplies.Select(reply => new AutoReplyDefinition
        {
            Id = Guid.NewGuid(),
            PhoneNumber = number.PhoneNumber,
            Trigger = reply.Trigger,
            Schedule = reply.Schedule,
            Message = reply.Message,
        }));
        await using var db = OpenDatabase();
        db.Numbers.Add(number);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Gives the office's auto-reply in the slot its message in another language.</summary>
    public async Task TranslateAsync(Trigger trigger, Schedule schedule, Translation translation)
    {
        await using var db = OpenDatabase();
        var reply = await db.AutoReplies.SingleAsync(r => r.Trigger == trigger && r.Schedule == schedule, TestContext.Current.CancellationToken);
        reply.Translations = [translation];
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    public async Task<Decision> DecisionForAsync(string eventId)
    {
        await using var db = OpenDatabase();
        return await db.Decisions.SingleAsync(decision => decision.EventId == eventId, TestContext.Current.CancellationToken);
    }

    public async Task<List<Decision>> DecisionsForAsync(string eventId)
    {
        await using var db = OpenDatabase();
        return await db.Decisions.Where(decision => decision.EventId == eventId).ToListAsync(TestContext.Current.CancellationToken);
    }

    public async Task<IReadOnlyList<OutboxMessage>> OutboxAsync()
    {
        await using var db = OpenDatabase();
        return await db.Outbox.ToListAsync(TestContext.Current.CancellationToken);
    }

    public async Task<IReadOnlyList<OptOut>> OptOutsAsync()
    {
        await using var db = OpenDatabase();
        return await db.OptOuts.ToListAsync(TestContext.Current.CancellationToken);
    }
}
