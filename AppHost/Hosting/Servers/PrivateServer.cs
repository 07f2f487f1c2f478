namespace AutoReply.AppHost.Hosting.Servers;

/// <summary>
/// A server instance of our own, started from the locally installed binaries: its own data folder,
/// a free port, stopped with the AppHost (or the test run) that started it.
/// </summary>
public interface IPrivateServer : IAsyncDisposable
{
    /// <summary>The connection string in the form an Aspire AppHost hands to services.</summary>
    string ConnectionString { get; }
}

internal static class ServerFiles
{
    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>Creates a folder owned by <paramref name="user"/> when running as root (the servers refuse otherwise).</summary>
    public static async Task CreateOwnedDirectoryAsync(string path, string user, ResourceLog log)
    {
        Directory.CreateDirectory(path);
        if (IsRoot)
        {
            await ChildProcess.RunAsync("setup", "chown", ["-R", $"{user}:{user}", path], log);
        }
    }

    /// <summary>Runs a server binary as its service user when we are root, as ourselves otherwise.</summary>
    public static (string FileName, List<string> Arguments) AsUser(string user, string fileName, params string[] arguments) =>
        IsRoot ? ("runuser", ["-u", user, "--", fileName, .. arguments]) : (fileName, [.. arguments]);

    public static string Require(string path, string package) =>
        File.Exists(path)
            ? path
            : throw new InvalidOperationException($"{path} is missing: install the Debian package '{package}' (eng/install-servers.sh does).");
}
