using AutoReply.ServiceDefaults.Http;

namespace AutoReply.SmsSandbox;

public class Program
{
    public static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);

        builder.AddServiceDefaults();
        builder.AddSmsSandbox();

        var app = builder.Build();

        app.UseProblemDetailsErrors();
        app.MapDefaultEndpoints();
        app.MapMessages();
        app.MapFaults();
        app.MapInbox();

        await app.RunAsync();
    }
}
