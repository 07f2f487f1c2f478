using AutoReply.ServiceDefaults.Http;

namespace AutoReply.Sender;

public class Program
{
    public static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);

        builder.AddServiceDefaults();
        builder.AddSender();

        var app = builder.Build();

        app.UseHttpDefaults();
        app.UseProblemDetailsErrors();
        app.MapDefaultEndpoints();

        await app.RunAsync();
    }
}
