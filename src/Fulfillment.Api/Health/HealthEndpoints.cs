using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Fulfillment.Api.Health;

/// <summary>
/// <c>/health/live</c>: the process answers (no checks). <c>/health/ready</c>: storage answers, every owned partition
/// has a running stream agent, and the read models caught up after the start. Public. Mapped as ordinary endpoints (not MapHealthChecks) so they appear in the OpenAPI
/// document; not ready is a 503 problem document listing the checks.
/// </summary>
public static class HealthEndpoints
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    private const string ReadyTag = "ready";

    public static IServiceCollection AddFulfillmentHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>("storage", tags: [ReadyTag])
            .AddCheck<StreamAgentsHealthCheck>("stream-agents", tags: [ReadyTag])
            .AddCheck<ReadModelHealthCheck>("read-models", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapFulfillmentHealthChecks(this IEndpointRouteBuilder app)
    {
        var health = app.MapGroup(string.Empty).WithTags("Health").AllowAnonymous();
        health.MapGet(LivePath, LiveAsync)
            .WithName("HealthLive")
            .WithSummary("Liveness")
            .WithDescription("The process is up and answers HTTP. Runs no checks; use it to restart a hung process, not to route traffic.");
        health.MapGet(ReadyPath, ReadyAsync)
            .WithName("HealthReady")
            .WithSummary("Readiness")
            .WithDescription(
                "Ready to take traffic: the stream log, checkpoints and dead letters answer (storage reachable), and the silo owns " +
                "partitions with a running stream agent for each, and the read models caught up after the start. 503 problem document naming the failing checks otherwise.");
        return app;
    }

    internal static Task<Results<Ok<HealthResponse>, ProblemHttpResult>> LiveAsync(HealthCheckService health, HttpContext context, CancellationToken cancellationToken) =>
        CheckAsync(health, context, _ => false, cancellationToken);

    internal static Task<Results<Ok<HealthResponse>, ProblemHttpResult>> ReadyAsync(HealthCheckService health, HttpContext context, CancellationToken cancellationToken) =>
        CheckAsync(health, context, c => c.Tags.Contains(ReadyTag), cancellationToken);

    private static async Task<Results<Ok<HealthResponse>, ProblemHttpResult>> CheckAsync(
        HealthCheckService health, HttpContext context, Func<HealthCheckRegistration, bool> predicate, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(predicate, cancellationToken);
        context.Response.Headers.CacheControl = "no-store, no-cache";
        var checks = report.Entries.Select(e => new HealthCheckEntry(e.Key, e.Value.Status.ToString(), e.Value.Description)).ToArray();
        if (report.Status != HealthStatus.Unhealthy)
        {
            return TypedResults.Ok(new HealthResponse(report.Status.ToString(), report.TotalDuration.TotalMilliseconds, checks));
        }

        return TypedResults.Problem(
            string.Join(" ", checks.Where(c => c.Status == nameof(HealthStatus.Unhealthy)).Select(c => $"{c.Name}: {c.Description}")),
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Not ready",
            extensions: new Dictionary<string, object?> { ["checks"] = checks });
    }
}
