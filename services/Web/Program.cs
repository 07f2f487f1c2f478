using AutoReply.Web;
using AutoReply.Web.Account;
using AutoReply.Web.AutoReplies;
using AutoReply.Web.Components;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddWeb();

var app = builder.Build();

app.UseErrorPages();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapDefaultEndpoints();
app.MapStaticAssets();
app.MapAccountEndpoints();
app.MapMessagePreview();
app.MapRazorComponents<App>();

app.Run();
