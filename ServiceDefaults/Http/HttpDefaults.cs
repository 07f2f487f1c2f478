using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AutoReply.ServiceDefaults.Http;

public static class HttpDefaults
{
    /// <summary>Request bodies over 1 MiB are refused with 413 (docs/http-api.md).</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    /// <summary>How long a client is asked to wait before retrying a request refused because a dependency is away.</summary>
    public const int UnavailableRetryAfterSeconds = 5;

    public static IHostApplicationBuilder AddHttpDefaults(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        builder.Services.AddOptions<ProxyOptions>()
            .Bind(builder.Configuration.GetSection(ProxyOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxies) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            forwarded.ForwardLimit = proxies.Value.ForwardLimit;
            foreach (var network in proxies.Value.Networks())
            {
                forwarded.KnownIPNetworks.Add(network);
            }
        });
        var development = builder.Environment.IsDevelopment();
        builder.Services.Configure<CookiePolicyOptions>(cookies =>
        {
            cookies.Secure = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            cookies.HttpOnly = HttpOnlyPolicy.Always;
        });
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            if (context.Exception is Microsoft.AspNetCore.Http.BadHttpRequestException badRequest)
            {
                context.ProblemDetails.Status = badRequest.StatusCode;
                context.HttpContext.Response.StatusCode = badRequest.StatusCode;
                context.ProblemDetails.Title = badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? "Request body too large"
                    : "Bad request";
                context.ProblemDetails.Detail = badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? $"Request bodies are limited to {MaxRequestBodyBytes} bytes."
                    : badRequest.Message;
            }
            if (context.ProblemDetails.Status == StatusCodes.Status503ServiceUnavailable)
            {
                context.HttpContext.Response.Headers.RetryAfter = UnavailableRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        });
        return builder;
    }

    /// <summary>
    /// First in every pipeline: the client's address and scheme from the proxies <see cref="ProxyOptions"/>
    /// names, then, outside Development, HSTS on https requests; every cookie Secure outside Development.
    /// </summary>
    public static WebApplication UseHttpDefaults(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UseCookiePolicy();
        return app;
    }

    /// <summary>Turns exceptions and bare status codes into RFC 9457 problem details.</summary>
    public static WebApplication UseProblemDetailsErrors(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
