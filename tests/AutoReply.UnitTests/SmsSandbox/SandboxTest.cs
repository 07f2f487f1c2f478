namespace AutoReply.UnitTests.SmsSandbox;

/// <summary>A fresh sandbox for each test, with a client that holds the account's credentials.</summary>
public abstract class SandboxTest : IAsyncLifetime
{
    protected SandboxFactory Sandbox { get; } = new();

    protected HttpClient Client { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        Client = Sandbox.CreateAuthorizedClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Sandbox.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
