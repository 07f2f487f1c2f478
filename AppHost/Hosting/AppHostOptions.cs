using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace AutoReply.AppHost.Hosting;

/// <summary>
/// How the AppHost runs, from configuration (command line <c>--AppHost:FreePorts=true</c> or
/// environment <c>AppHost__FreePorts=true</c>).
/// </summary>
public sealed record AppHostOptions(
    string RepositoryRoot,
    string DataDirectory,
    string? LogDirectory,
    bool FreePorts,
    IReadOnlyDictionary<string, int> Replicas,
    string EnvironmentName,
    string BuildConfiguration,
    string? DashboardOtlpEndpoint,
    IConfiguration Configuration)
{
    public const string Section = "AppHost";

    public static AppHostOptions From(IConfiguration configuration, string environmentName)
    {
        var section = configuration.GetSection(Section);
        var root = section["RepositoryRoot"] ?? FindRepositoryRoot();
        return new AppHostOptions(
            root,
            section["DataDirectory"] ?? Path.Combine(root, ".autoreply"),
            section["LogDirectory"],
            section.GetValue("FreePorts", false),
            section.GetSection("Replicas").GetChildren().ToDictionary(child => child.Key, child => int.Parse(child.Value!, System.Globalization.CultureInfo.InvariantCulture)),
            environmentName,
            typeof(AppHostOptions).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug",
            configuration["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"],
            configuration);
    }

    /// <summary>The folder holding AutoReply.sln, above the AppHost's build output.</summary>
    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "AutoReply.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("AutoReply.sln not found above the AppHost; set AppHost__RepositoryRoot.");
    }
}
