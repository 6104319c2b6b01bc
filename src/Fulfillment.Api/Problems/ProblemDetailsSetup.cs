using System.Diagnostics;

namespace Fulfillment.Api.Problems;

internal static class ProblemDetailsSetup
{
    /// <summary>RFC 9457 problem documents for every error, each with the trace id that finds it in the logs.</summary>
    public static IServiceCollection AddFulfillmentProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions.TryAdd("traceId", Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        return services;
    }
}
