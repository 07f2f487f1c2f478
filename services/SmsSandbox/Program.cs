using AutoReply.ServiceDefaults.Http;

namespace AutoReply.SmsSandbox;

public class Program
{
    public static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);

        builder.AddServiceDefaults();
        builder.AddSmsSandbox();
        builder.AddOpenApiDocument("AutoReply SMS sandbox", "A local stand-in for the SMS provider: a subset of Twilio's Messages API (HTTP Basic auth with the account SID and auth token), fault injection, and a page of the texts received.", apiKey: false);

        var app = builder.Build();

        app.UseHttpDefaults();
        app.UseProblemDetailsErrors();
        app.MapDefaultEndpoints();
        app.MapOpenApiDocument();
        app.MapMessages();
        app.MapFaults();
        app.MapInbox();

        await app.RunAsync();
    }
}
