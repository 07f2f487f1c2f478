namespace AutoReply.IntegrationTests.Infrastructure;

public static class Repository
{
    /// <summary>The checkout the tests run from: the folder above the test binaries that holds AutoReply.sln.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AutoReply.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds AutoReply.sln.");
    }
}
