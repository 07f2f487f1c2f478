namespace AutoReply.IntegrationTests.Infrastructure;

/// <summary>A data folder of its own for the AppHost's servers in one test run, removed afterwards.</summary>
public sealed class TestDataDirectory : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"autoreply-tests-{Guid.NewGuid():N}");

    public IEnumerable<string> AppHostArguments => [$"--AppHost:DataDirectory={Path}"];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A server still closing its files; the folder is in the temp directory anyway.
        }
        catch (UnauthorizedAccessException)
        {
            // Files owned by a server's own user; the folder is in the temp directory anyway.
        }
    }
}
