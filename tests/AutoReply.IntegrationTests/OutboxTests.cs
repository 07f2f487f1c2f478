using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using AutoReply.Contracts.Commands;
using AutoReply.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Microsoft.Extensions.DependencyInjection;
using AutoReply.Domain.Data;
using AutoReply.Domain.Outbox;

namespace AutoReply.IntegrationTests;

/// <summary>The rules service's outbox relay against the real PostgreSQL and RabbitMQ.</summary>
public sealed class OutboxTests(RealServers servers) : IAsyncLifetime
{
    private readonly ServiceFactory<Rules.Program> rules = new(servers);
    private TestBus<SendAutoReply> observer = null!;

    public async ValueTask InitializeAsync() => observer = await TestBus.StartAsync<SendAutoReply>(servers.RabbitMq);

    public async ValueTask DisposeAsync()
    {
        await observer.DisposeAsync();
        await rules.DisposeAsync();
    }

    [Fact]
    public async Task A_send_command_left_in_the_outbox_by_a_crash_after_commit_is_sent_by_the_relay_and_removed()
    {
        var (command, left) = LeftBehind();
        await LeaveAsync(rules, left);

        var observed = await Eventually.ReadAsync(() => Task.FromResult(observer.Observed.ToList()), sent => sent.Contains(command));
        Assert.Contains(command, observed);
        var remaining = await Eventually.ReadAsync(OutboxRowCountAsync, count => count == 0);
        Assert.Equal(0, remaining);

        async Task<int> OutboxRowCountAsync()
        {
            await using var scope = rules.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<RulesDbContext>().Outbox.CountAsync(m => m.Id == left.Id, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Polls_that_find_nothing_leave_no_trace_and_the_relay_s_work_is_one_span_linked_to_the_trace_that_left_it_with_its_statements_under_it()
    {
        var exported = new ConcurrentQueue<Activity>();
        await using var polling = new ServiceFactory<Rules.Program>(servers, new Dictionary<string, string?>
        {
            ["Outbox:PollInterval"] = "00:00:00.2",
            ["Scheduling:PollInterval"] = "00:00:00.2",
        });
        using var engine = polling.WithWebHostBuilder(host => host.ConfigureTestServices(services =>
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(new Exported(exported)))));
        _ = engine.Services;

        // The pollers' looks for two seconds (the relay's further and further apart while it finds nothing): none of them is a trace.
        // Other tests' services run in this process and their spans reach this listener too: only a look's statement counts.
        await Consistently.HoldsAsync(() => Task.FromResult(exported.Where(IsPollLook).ToList()), looks => looks.Count == 0, TimeSpan.FromSeconds(2));

        var (command, left) = LeftBehind();
        await LeaveAsync(engine, left);
        var relayed = await Eventually.ReadAsync(
            () => Task.FromResult(exported.FirstOrDefault(span => span.OperationName == "Relay overdue outbox messages"
                && span.Links.Any(link => $"00-{link.Context.TraceId}-{link.Context.SpanId}-01" == left.TraceParent))),
            span => span is not null);
        Assert.Equal(1, relayed!.GetTagItem("autoreply.poll.items"));
        Assert.Contains(exported, span => span.ParentSpanId == relayed.SpanId && span.Source.Name == "Npgsql");
        await Eventually.ReadAsync(() => Task.FromResult(observer.Observed.ToList()), sent => sent.Contains(command));
    }

    /// <summary>A poller's look for work: a statement that locks what it takes, outside any trace.</summary>
    private static bool IsPollLook(Activity span) =>
        span.Source.Name == "Npgsql" && span.ParentSpanId == default
        && span.Tags.Any(tag => tag.Value?.Contains("SKIP LOCKED", StringComparison.Ordinal) == true);

    private (SendAutoReply Command, OutboxMessage Left) LeftBehind()
    {
        var command = new SendAutoReply(Guid.NewGuid(), TestData.EventId(), TestData.PhoneNumber(), TestData.PhoneNumber(), "Sorry we missed you!", DateTimeOffset.UtcNow.AddMinutes(-1));
        return (command, new OutboxMessage
        {
            Id = Guid.CreateVersion7(),
            Destination = observer.ObserverAddress.ToString(),
            MessageType = typeof(SendAutoReply).FullName!,
            Body = JsonSerializer.Serialize(command, JsonSerializerOptions.Web),
            // Committed with its decision a minute ago; the replica died before sending it.
            CreatedAt = command.DecidedAt,
            TraceParent = $"00-{ActivityTraceId.CreateRandom()}-{ActivitySpanId.CreateRandom()}-01",
        });
    }

    private static async Task LeaveAsync<TEntryPoint>(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<TEntryPoint> engine, OutboxMessage left)
        where TEntryPoint : class
    {
        await using var scope = engine.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RulesDbContext>();
        db.Outbox.Add(left);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The spans the engine's own OpenTelemetry pipeline ends, as its exporter gets them.</summary>
    private sealed class Exported(ConcurrentQueue<Activity> spans) : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data) => spans.Enqueue(data);
    }
}
