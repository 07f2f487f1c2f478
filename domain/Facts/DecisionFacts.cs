using AutoReply.Domain.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using AutoReply.Domain.Decisions;
using AutoReply.Domain.Facts;
using AutoReply.Domain.Languages;

namespace Microsoft.Extensions.Hosting;

public static class DecisionFacts
{
    /// <summary>
    /// What a decision reads besides the number's settings, for whoever decides (the engine) or
    /// tells what a decision would be (the rules API's explain): recent activity, the cooldown, the
    /// send budgets and the loop guard, with Redis in front where it holds a copy.
    /// </summary>
    public static IHostApplicationBuilder AddDecisionFacts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RedisFastPath>();
        builder.Services.AddScoped<IContactActivityStore, ContactActivityStore>();
        builder.Services.AddScoped<ICooldownStore, CooldownStore>();
        builder.Services.AddScoped<ISendBudgets, SendBudgets>();
        builder.Services.AddScoped<LoopGuard>();
        builder.Services.AddScoped<IContactLanguageStore, ContactLanguageStore>();
        builder.Services.AddSingleton<TextLanguageDetector>();
        builder.Services.AddHostedService<TextLanguageDetectorPreload>();
        builder.Services.AddScoped<IDecisionLog, DecisionLog>();
        builder.Services.AddScoped<IDecisionCounts, DecisionCounts>();
        builder.Services.AddOptions<SendBudgetOptions>().Bind(builder.Configuration.GetSection(SendBudgetOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<LoopGuardOptions>().Bind(builder.Configuration.GetSection(LoopGuardOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        return builder;
    }
}
