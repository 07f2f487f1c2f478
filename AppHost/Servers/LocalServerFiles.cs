using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace AutoReply.AppHost.Servers;

/// <summary>Where the local servers keep their data, and how they are run from the Debian binaries.</summary>
internal static class LocalServerFiles
{
    public const string DataDirectorySetting = "AppHost:DataDirectory";

    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>
    /// <c>.autoreply/data/NAME</c> beside the AppHost (git-ignored), or under
    /// <c>AppHost:DataDirectory</c>: the folder outlives AppHost runs as a container's data volume would.
    /// </summary>
    public static string DataDirectory(IDistributedApplicationBuilder builder, string name) =>
        Path.GetFullPath(Path.Combine(
            builder.Configuration[DataDirectorySetting] ?? Path.Combine(builder.AppHostDirectory, "..", ".autoreply", "data"),
            name));

    public static string Require(string path, string package) =>
        File.Exists(path)
            ? path
            : throw new DistributedApplicationException(
                $"{path} is missing: install the Debian package '{package}' (eng/install-prerequisites.sh does), or set ConnectionStrings__… to a running server.");

    /// <summary>
    /// The command line that runs <paramref name="fileName"/> as <paramref name="user"/> when the AppHost
    /// runs as root. setpriv executes the server in place, so DCP watches the server process itself.
    /// </summary>
    public static (string FileName, string[] Arguments) AsUser(string user, string fileName, params string[] arguments) =>
        IsRoot
            ? ("/usr/bin/setpriv", ["--reuid", user, "--regid", user, "--init-groups", "--", fileName, .. arguments])
            : (fileName, arguments);

    /// <summary>Runs a set-up command (initdb, chown) to completion, its output in the resource's log.</summary>
    public static async Task RunAsync(ILogger log, string fileName, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new DistributedApplicationException($"Could not start {fileName}.");
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) log.LogInformation("{Line}", line.Data); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) log.LogWarning("{Line}", line.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new DistributedApplicationException($"{Path.GetFileName(fileName)} exited with code {process.ExitCode}; its output is in the resource's log.");
        }
    }
}
