using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AutoReply.AppHost;

/// <summary>
/// On Ctrl+C, stops the services before the AppHost exits and Aspire's orchestrator tears the rest
/// down. It tears every resource down at once, so the services shut down after the broker, Redis,
/// PostgreSQL and the dashboard, each waiting on a dependency that would never answer (about 12 s in
/// all). Added after Aspire's own hosted services, this one is stopped first, while the servers still
/// run. (Stopping the servers here too was slower: the orchestrator stops them all at once.)
/// </summary>
internal sealed partial class ServicesStopFirst(
    DistributedApplicationModel model,
    ResourceCommandService commands,
    ILogger<ServicesStopFirst> logger) : IHostedService
{
    /// <summary>Past this the orchestrator stops whatever is left, as it would have anyway.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(6);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(Patience);
        var services = model.Resources.OfType<ProjectResource>().ToList();
        try
        {
            await Task.WhenAll(services.Select(service => commands.ExecuteCommandAsync(service, KnownResourceCommands.StopCommand, patience.Token)));
        }
        catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException)
        {
            LogNotStopped(logger, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The services did not all stop before the servers: {Reason}")]
    private static partial void LogNotStopped(ILogger logger, string reason);
}

internal static class ServicesStopFirstRegistration
{
    public static IDistributedApplicationBuilder StopServicesFirst(this IDistributedApplicationBuilder builder)
    {
        builder.Services.AddHostedService<ServicesStopFirst>();
        return builder;
    }
}
