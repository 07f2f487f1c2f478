using AutoReply.ServiceDefaults.Http;
using AutoReply.Web.Account;
using AutoReply.Web.Activity;
using AutoReply.Web.AutoReplies;
using AutoReply.Web.Components;
using AutoReply.Web.Localization;

namespace AutoReply.Web;

public class Program
{
    public static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);

        builder.AddServiceDefaults();
        builder.AddWeb();

        var app = builder.Build();

        app.UseHttpDefaults();
        app.UseRequestLocalization();
        app.UseErrorPages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapDefaultEndpoints();
        app.MapStaticAssets();
        app.MapAccountEndpoints();
        app.MapLanguageEndpoints();
        app.MapMessagePreview();
        app.MapActivityLive();
        app.MapRazorComponents<App>();

        await app.RunAsync();
    }
}
