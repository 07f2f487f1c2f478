using AutoReply.ServiceDefaults.Http;
using AutoReply.Web;
using AutoReply.Web.Account;
using AutoReply.Web.Components;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddWeb();

var app = builder.Build();

app.UseProblemDetailsErrors();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapDefaultEndpoints();
app.MapStaticAssets();
app.MapAccountEndpoints();
app.MapRazorComponents<App>();

app.Run();
