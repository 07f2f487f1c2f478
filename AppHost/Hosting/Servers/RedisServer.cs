using System.Globalization;

namespace AutoReply.AppHost.Hosting.Servers;

/// <summary>A private <c>redis-server</c> with append-only persistence in its own folder.</summary>
public sealed class RedisServer : IPrivateServer
{
    private const string Binary = "/usr/bin/redis-server";
    private readonly ChildProcess process;

    private RedisServer(ChildProcess process, int port)
    {
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync(string name, string dataDirectory, ResourceLog log, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataDirectory);
        var port = FreePort.Next();
        var process = ChildProcess.Start(name, ServerFiles.Require(Binary, "redis-server"),
            ["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", dataDirectory,
             "--appendonly", "yes", "--save", "", "--daemonize", "no", "--protected-mode", "no"],
            log);
        var server = new RedisServer(process, port);
        await Readiness.WaitAsync(name, process, () => FreePort.AcceptsConnectionsAsync(port, cancellationToken), cancellationToken);
        return server;
    }

    public ValueTask DisposeAsync() => new(process.StopAsync(TimeSpan.FromSeconds(10)));
}

internal static class Readiness
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    /// <summary>Polls <paramref name="isReady"/> until it holds, failing fast when the process dies.</summary>
    public static async Task WaitAsync(string name, ChildProcess? process, Func<Task<bool>> isReady, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        while (!await isReady())
        {
            if (process is { HasExited: true })
            {
                throw new InvalidOperationException($"{name} exited with code {process.ExitCode} before it was ready; see its log lines above.");
            }
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"{name} was not ready within {Timeout.TotalSeconds:0}s.");
            }
        }
    }
}
