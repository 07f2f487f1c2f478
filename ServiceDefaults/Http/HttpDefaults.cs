using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AutoReply.ServiceDefaults.Http;

public static class HttpDefaults
{
    /// <summary>Request bodies over 1 MiB are refused with 413 (docs/http-api.md).</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    public static IHostApplicationBuilder AddHttpDefaults(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
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
        });
        return builder;
    }

    /// <summary>Turns exceptions and bare status codes into RFC 9457 problem details.</summary>
    public static WebApplication UseProblemDetailsErrors(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
