using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace AutoReply.IntegrationTests.Infrastructure;

/// <summary>
/// The test server has no socket, so no remote address: this gives its requests the address of the
/// peer a real server would see (a proxy in front of the service, or a client).
/// </summary>
public sealed class ConnectionFrom(IPAddress peer) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, following) =>
        {
            context.Connection.RemoteIpAddress = peer;
            return following(context);
        });
        next(app);
    };
}
