using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace Fulfillment.Api.Diagnostics;

/// <summary>
/// Names each request's activity <c>{method} {route}</c> and tags it with the OpenTelemetry HTTP server attributes
/// (method, path, route, status code) once the response is decided. ASP.NET Core 10 starts the activity bare and the
/// instrumentation package that fills it is not on the registry copy; trace viewers such as Application Insights need
/// these attributes to show requests. Costs nothing when no one listens: the activity is then absent.
/// </summary>
internal static class RequestActivityTags
{
    public static IApplicationBuilder UseRequestActivityTags(this IApplicationBuilder app) => app.Use(static async (context, next) =>
    {
        try
        {
            await next(context);
        }
        finally
        {
            if (context.Features.Get<IHttpActivityFeature>()?.Activity is { IsAllDataRequested: true } activity)
            {
                Tag(activity, context);
            }
        }
    });

    private static void Tag(Activity activity, HttpContext context)
    {
        var request = context.Request;
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        var status = context.Response.StatusCode;
        activity.DisplayName = route is null ? request.Method : $"{request.Method} {route}";
        activity.SetTag("http.request.method", request.Method);
        activity.SetTag("url.scheme", request.Scheme);
        activity.SetTag("url.path", request.Path.Value);
        activity.SetTag("http.route", route);
        activity.SetTag("http.response.status_code", status);
        if (status >= StatusCodes.Status500InternalServerError)
        {
            activity.SetStatus(ActivityStatusCode.Error);
        }
    }
}
