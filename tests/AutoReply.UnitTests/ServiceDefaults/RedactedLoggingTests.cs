using System.Collections.Concurrent;
using AutoReply.ServiceDefaults.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AutoReply.UnitTests.ServiceDefaults;

public sealed partial class RedactedLoggingTests
{
    [Fact]
    public void Phone_numbers_are_masked_and_message_bodies_erased_in_logs()
    {
        var sink = new CapturingLoggerProvider();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(sink);
        builder.AddRedactedLogging();
        using var host = builder.Build();
        var logger = host.Services.GetRequiredService<ILogger<RedactedLoggingTests>>();

        LogText(logger, "+14155550199", "My card number is 4111 1111 1111 1111");

        var line = Assert.Single(sink.Lines);
        Assert.DoesNotContain("4155550199", line, StringComparison.Ordinal);
        Assert.DoesNotContain("4111", line, StringComparison.Ordinal);
        Assert.Contains("+1********99", line, StringComparison.Ordinal);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Text from {Contact}: {Body}")]
    private static partial void LogText(ILogger logger, [PhoneNumber] string contact, [MessageBody] string body);

    private sealed class CapturingLoggerProvider : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Enqueue(formatter(state, exception));

        public void Dispose()
        {
        }
    }
}
