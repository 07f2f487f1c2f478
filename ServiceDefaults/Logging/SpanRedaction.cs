using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AutoReply.ServiceDefaults.Logging;

/// <summary>
/// Keeps phone numbers out of traces as the redaction engine keeps them out of logs: paths such as
/// <c>/v1/numbers/+14155550100</c> and queries such as <c>?To=+1…</c> are exported as the route
/// template and without the query.
/// </summary>
public static class SpanRedaction
{
    public static void RedactServerSpan(Activity activity, HttpResponse response)
    {
        if (response.HttpContext.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } template })
        {
            activity.SetTag("url.path", template);
        }
        activity.SetTag("url.query", null);
    }

    public static void RedactClientSpan(Activity activity, HttpRequestMessage request)
    {
        if (request.RequestUri is { } uri)
        {
            activity.SetTag("url.full", uri.GetLeftPart(UriPartial.Path));
        }
    }
}
