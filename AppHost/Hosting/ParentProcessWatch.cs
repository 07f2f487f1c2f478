using Microsoft.Extensions.Hosting;

namespace AutoReply.AppHost.Hosting;

/// <summary>
/// Stops the AppHost when the process that launched it goes away. <c>dotnet run</c> does not pass
/// SIGTERM on to the program it runs; without this, stopping <c>dotnet run</c> would leave the
/// AppHost and every server it started running.
/// </summary>
public sealed class ParentProcessWatch(IHostApplicationLifetime lifetime) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var parent = ParentId();
        if (parent is null or <= 1)
        {
            return;
        }
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (ParentId() != parent)
            {
                lifetime.StopApplication();
                return;
            }
        }
    }

    /// <summary>The parent's pid from /proc (Linux); null elsewhere.</summary>
    private static int? ParentId()
    {
        const string stat = "/proc/self/stat";
        if (!File.Exists(stat))
        {
            return null;
        }
        // The command name (field 2) is in parentheses and may hold spaces; the parent pid is the second field after it.
        var text = File.ReadAllText(stat);
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
