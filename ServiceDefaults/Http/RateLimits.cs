using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AutoReply.ServiceDefaults.Http;

/// <summary>
/// Requests per API key, with ASP.NET Core's rate limiter: a token bucket per key for each kind of
/// endpoint, <see cref="Events"/> on ingress and <see cref="Management"/> on the rules API. A
/// request over the limit is refused with 429, <c>Retry-After</c> and a problem, and changes
/// nothing. The defaults leave a bulk publisher posting batches (up to 100 events a request) far
/// below them; they bound a runaway client or a leaked key. A request without a valid key is
/// counted by its address, so guessing keys is limited too.
/// </summary>
public static class RateLimits
{
    public const string Events = "events";
    public const string Management = "management";

    public static IHostApplicationBuilder AddRateLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>()
            .Bind(builder.Configuration.GetSection(RateLimitOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RefuseAsync;
        });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, limits) =>
        {
            limiter.AddPolicy(Events, context => BucketPerClient(context, limits.Value.Events));
            limiter.AddPolicy(Management, context => BucketPerClient(context, limits.Value.Management));
        });
        return builder;
    }

    /// <summary>The endpoints mapped on the returned group count against <paramref name="policy"/>.</summary>
    public static RouteGroupBuilder RateLimitedGroup(this IEndpointRouteBuilder routes, string policy)
    {
        var group = routes.MapGroup("").RequireRateLimiting(policy);
        group.ProducesProblem(StatusCodes.Status429TooManyRequests);
        return group;
    }

    private static RateLimitPartition<string> BucketPerClient(HttpContext context, RequestRate rate) =>
        RateLimitPartition.GetTokenBucketLimiter(ClientOf(context), _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = rate.Burst,
            TokensPerPeriod = rate.RequestsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    private static string ClientOf(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, Name: { } key }
            ? $"key:{key}"
            : $"address:{context.Connection.RemoteIpAddress}";

    private static async ValueTask RefuseAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        var http = rejected.HttpContext;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"This API key has sent more requests than its limit allows; nothing was changed. Retry after {seconds} s.",
            },
        });
    }
}

/// <summary>The <c>RateLimits</c> section: <c>RateLimits__Events__RequestsPerSecond</c>, <c>RateLimits__Management__Burst</c>, …</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Ingress's event endpoints: a thousand single events a second, or a hundred thousand in batches.</summary>
    [Required]
    public RequestRate Events { get; set; } = new() { RequestsPerSecond = 1000, Burst = 2000 };

    /// <summary>The rules API: settings, auto-replies and the decision log.</summary>
    [Required]
    public RequestRate Management { get; set; } = new() { RequestsPerSecond = 500, Burst = 1000 };
}

public sealed class RequestRate
{
    /// <summary>Requests a key may send each second, on average.</summary>
    [Range(1, 1_000_000)]
    public int RequestsPerSecond { get; set; }

    /// <summary>Requests a key may send at once after a quiet moment.</summary>
    [Range(1, 1_000_000)]
    public int Burst { get; set; }
}
