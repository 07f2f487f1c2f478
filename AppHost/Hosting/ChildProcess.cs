using System.Diagnostics;

namespace AutoReply.AppHost.Hosting;

/// <summary>
/// A process the AppHost started: its output goes to the resource log line by line, and stopping
/// it asks politely (SIGTERM) before it insists.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly string name;
    private readonly ResourceLog log;

    private ChildProcess(Process process, string name, ResourceLog log)
    {
        this.process = process;
        this.name = name;
        this.log = log;
    }

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    public Task Exited => process.WaitForExitAsync();

    public static ChildProcess Start(string name, string fileName, IEnumerable<string> arguments, ResourceLog log,
        IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[key] = value;
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) log.Write(name, line.Data); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) log.Write(name, line.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ChildProcess(process, name, log);
    }

    /// <summary>Runs a command to completion and throws with its output when it fails.</summary>
    public static async Task RunAsync(string name, string fileName, IEnumerable<string> arguments, ResourceLog log,
        IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null, CancellationToken cancellationToken = default)
    {
        await using var child = Start(name, fileName, arguments, log, environment, workingDirectory);
        await child.process.WaitForExitAsync(cancellationToken);
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"{name}: '{fileName} {string.Join(' ', arguments)}' exited with code {child.ExitCode}.");
        }
    }

    public async Task StopAsync(TimeSpan grace)
    {
        if (process.HasExited)
        {
            return;
        }
        using (var term = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
        {
            await term!.WaitForExitAsync();
        }
        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            log.Write(name, $"did not stop within {grace.TotalSeconds:0}s; killing it");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }
}
