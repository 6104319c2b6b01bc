using Grains;

namespace Fulfillment.Api.Problems;

/// <summary>
/// Maps what the runtime and the server throw to a specific problem, so a caller can tell "retry later" (503, with
/// Retry-After), "too slow" (504) and "conflict" (409) from a fault of the service (500) — never a silent 404 or 500.
/// </summary>
internal static class ExceptionProblems
{
    public static ExceptionProblem Map(Exception exception) => exception switch
    {
        BadHttpRequestException bad => new(
            bad.StatusCode,
            bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Bad request",
            bad.Message),
        GrainOverloadedException => new(
            StatusCodes.Status503ServiceUnavailable, "Grain overloaded", "A grain has too many requests waiting; retry shortly.", RetryAfterSeconds: 1),
        SiloUnavailableException => new(
            StatusCodes.Status503ServiceUnavailable, "Silo unavailable", "The silo is starting, stopping or does not own the grain; retry shortly.", RetryAfterSeconds: 5),
        TimeoutException => new(
            StatusCodes.Status504GatewayTimeout, "Grain call timed out", "A grain did not answer within its deadline; the request may or may not have taken effect."),
        InconsistentStateException => new(
            StatusCodes.Status409Conflict, "Concurrent update", "The state changed concurrently; the request was not applied. Retry it."),
        DeadlockException => new(
            StatusCodes.Status500InternalServerError, "Grain call deadlock", exception.Message),
        RemoteGrainException remote => new(
            StatusCodes.Status502BadGateway, "Grain failed", $"{remote.OriginalTypeName ?? nameof(RemoteGrainException)}: {remote.Message}"),
        _ => new(
            StatusCodes.Status500InternalServerError, "Unexpected error", "The service failed to handle the request; the error was logged with this trace id."),
    };
}
