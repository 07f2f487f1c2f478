using System.Net.Http.Headers;
using AutoReply.AppHost.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AutoReply.IntegrationTests.Infrastructure;

/// <summary>
/// The whole system as <c>dotnet run --project AppHost</c> starts it: the AppHost's own entry point
/// and app model, run in the test process (as Aspire's testing builder does), with every service a
/// child process on a free port and the servers of <see cref="RealServers"/> handed over as
/// connection strings.
/// </summary>
public sealed class AppHostFixture(RealServers servers) : IAsyncLifetime
{
    public const string ApiKey = "e2e-key";
    private DistributedApplication? app;
    private Task? running;

    public string Url(string project) => app!.Get<ProjectResource>(project).Url;

    public HttpClient Client(string project) => new()
    {
        BaseAddress = new Uri(Url(project)),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", ApiKey) },
    };

    public async ValueTask InitializeAsync()
    {
        var built = new TaskCompletionSource<DistributedApplication>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnBuilt(DistributedApplication application) => built.TrySetResult(application);
        DistributedApplication.Built += OnBuilt;
        try
        {
            string[] args =
            [
                "--environment", "Development",
                "--AppHost:FreePorts=true",
                // Two rules replicas on one queue: every end-to-end test also checks that replicas agree.
                "--AppHost:Replicas:rules=2",
                $"--AppHost:LogDirectory={servers.LogDirectory}",
                $"--AUTOREPLY_API_KEY={ApiKey}",
                .. servers.ConnectionStrings.Select(c => $"--ConnectionStrings:{c.Key}={c.Value}"),
            ];
            var entryPoint = typeof(DistributedApplication).Assembly.EntryPoint!;
            running = Task.Run(() => (Task)entryPoint.Invoke(null, [args])!);
            app = await built.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        }
        finally
        {
            DistributedApplication.Built -= OnBuilt;
        }

        var started = app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted;
        var startup = Task.Delay(Timeout.Infinite, started);
        if (await Task.WhenAny(startup, running) == running)
        {
            await running; // the AppHost failed to start: surface its exception
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
        }
        if (running is not null)
        {
            await running.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
