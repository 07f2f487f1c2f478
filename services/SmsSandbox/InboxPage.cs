using System.Globalization;
using System.Net;
using System.Text;

namespace AutoReply.SmsSandbox;

/// <summary><c>GET /</c>: the texts the sandbox received, newest first, for a person watching a demo or a drill.</summary>
public static class InboxPage
{
    private const int ShownMessages = 200;

    public static IEndpointRouteBuilder MapInbox(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", (MessageStore store) => Results.Content(Render(store.Newest(ShownMessages)), "text/html; charset=utf-8"))
            .AllowAnonymous()
            .ExcludeFromDescription();
        return routes;
    }

    public static string Render(IReadOnlyList<SandboxMessage> messages)
    {
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="refresh" content="5">
            <title>SMS sandbox</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 2rem; }
            table { border-collapse: collapse; width: 100%; }
            th, td { border-bottom: 1px solid #ddd; padding: .4rem .6rem; text-align: left; vertical-align: top; }
            td.body { white-space: pre-wrap; }
            .delivered { color: #176b2c; } .undelivered, .failed { color: #b00020; }
            </style>
            </head>
            <body>
            <h1>SMS sandbox</h1>
            """);
        html.Append(CultureInfo.InvariantCulture, $"<p>The {messages.Count} newest texts received (at most {ShownMessages}). The page refreshes every 5 seconds.</p>\n");
        html.Append("<table>\n<thead><tr><th>Time (UTC)</th><th>From</th><th>To</th><th>Status</th><th>Segments</th><th>Body</th></tr></thead>\n<tbody>\n");
        foreach (var message in messages)
        {
            html.Append(CultureInfo.InvariantCulture, $"""
                <tr><td>{message.DateCreated.UtcDateTime:yyyy-MM-dd HH:mm:ss}</td><td>{Encode(message.From)}</td><td>{Encode(message.To)}</td><td class="{Encode(message.Status)}">{Encode(StatusText(message))}</td><td>{message.Segments}</td><td class="body">{Encode(message.Body)}</td></tr>

                """);
        }
        html.Append("</tbody>\n</table>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string StatusText(SandboxMessage message) =>
        message.ErrorCode is { } code ? $"{message.Status} ({code})" : message.Status;

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
