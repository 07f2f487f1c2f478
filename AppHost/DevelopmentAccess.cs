using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AutoReply.AppHost;

/// <summary>
/// In Development, the AppHost's console says how to call the system. The default workspace comes
/// with the rules schema's migrations, the development keys with the services' configuration, and the rules API seeds
/// the development person, so all of them work from the first start; nothing of the kind exists
/// outside Development.
/// </summary>
internal static class DevelopmentAccess
{
    public static IDistributedApplicationBuilder PrintDevelopmentAccess(this IDistributedApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment())
        {
            return builder;
        }

        var configuredKey = string.IsNullOrEmpty(builder.Configuration["AUTOREPLY_API_KEY"]) ? "dev-key" : "<the value of AUTOREPLY_API_KEY>";
        var adminKey = string.IsNullOrEmpty(builder.Configuration["AUTOREPLY_ADMIN_KEY"]) ? "dev-admin-key" : "<the value of AUTOREPLY_ADMIN_KEY>";
        builder.Eventing.Subscribe<AfterResourcesCreatedEvent>((@event, _) =>
        {
            @event.Services.GetRequiredService<ILoggerFactory>().CreateLogger("AutoReply.AppHost").LogInformation(
                "Development access: 'Authorization: Bearer {ConfiguredKey}' is a key of the default workspace with every scope, for ingress (port 5080) and the rules API (port 5081). " +
                "'Authorization: Bearer {AdminKey}' creates workspaces and their keys on the rules API (POST /v1/workspaces); the README's 'Try it' starts there. " +
                "{Email} signs in with the password '{Password}' as the default workspace's owner, at the web app (http://127.0.0.1:5070) or POST /v1/people/login.",
                configuredKey,
                adminKey,
                // The rules API's DevelopmentPerson seeds them; the AppHost does not reference the service's code.
                "owner@example.com",
                "development-only-password");
            return Task.CompletedTask;
        });
        return builder;
    }
}
