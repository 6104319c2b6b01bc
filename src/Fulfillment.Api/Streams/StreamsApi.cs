using Fulfillment.Api.Auth;
using Fulfillment.Api.OpenApi;
using Grains;
using Grains.Streams;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fulfillment.Api.Streams;

/// <summary><c>/api/v1/streams</c> (role <c>ops</c>): how far the silo's stream agents are, and the dead letters they left.</summary>
public static partial class StreamsApi
{
    public const int DefaultDeadLetterLimit = 100;
    public const int MaxDeadLetterLimit = 1000;

    public static IEndpointRouteBuilder MapStreamsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/streams").WithTags("Streams").RequireAuthorization(ApiKeyRoles.Ops);

        api.MapGet(string.Empty, GetStatusAsync)
            .WithName(ApiEndpointNames.GetStreams)
            .WithSummary("Stream consumption status")
            .WithDescription(
                "The consumer group this silo reads as, and per partition it runs: the last sequence number in the log, what was " +
                "delivered (every event at or below it) and checkpointed, events in flight, lag in events and in seconds (age of " +
                "the oldest undelivered event), and the checkpoint's age; with the number of dead letters waiting.");

        api.MapGet("/dead-letters", ListDeadLettersAsync)
            .WithName(ApiEndpointNames.ListDeadLetters)
            .WithSummary("List dead letters")
            .WithDescription(
                $"Events a subscriber grain kept failing on after every retry, oldest first, with the grain type, the partition and " +
                $"sequence number, the event's key and id, and the last error. limit: 1..{MaxDeadLetterLimit}, default {DefaultDeadLetterLimit}.");

        api.MapPost("/dead-letters/{id}/replay", ReplayAsync)
            .WithName(ApiEndpointNames.ReplayDeadLetter)
            .WithSummary("Replay a dead letter")
            .WithDescription(
                "Delivers the dead-lettered event to its grain once more. 204: the grain took it and the dead letter is gone. " +
                "404: no dead letter has this id. 502: the grain failed again; the problem carries its error and the dead letter stays.");

        return app;
    }

    internal static async Task<Ok<StreamsStatusResponse>> GetStatusAsync(
        IStreamMonitor monitor, IDeadLetterStore deadLetters, CancellationToken cancellationToken)
    {
        var partitions = await monitor.GetStatusAsync(cancellationToken);
        var count = await deadLetters.CountAsync(cancellationToken);
        var items = partitions
            .Select(p => new StreamPartitionResponse(
                p.Partition, p.LastSequenceNumber, p.Delivered, p.Checkpointed, p.InFlight, p.LagEvents, p.LagSeconds, p.CheckpointAgeSeconds))
            .ToArray();
        return TypedResults.Ok(new StreamsStatusResponse(monitor.ConsumerGroup, items.Sum(p => p.LagEvents), count, items));
    }

    internal static async Task<Results<Ok<DeadLetterListResponse>, ValidationProblem>> ListDeadLettersAsync(
        IDeadLetterStore deadLetters, int? limit, CancellationToken cancellationToken)
    {
        var take = limit ?? DefaultDeadLetterLimit;
        if (take is < 1 or > MaxDeadLetterLimit)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["limit"] = [$"must be between 1 and {MaxDeadLetterLimit}"] },
                title: "Invalid query");
        }

        var letters = await deadLetters.ListAsync(take, cancellationToken);
        var total = await deadLetters.CountAsync(cancellationToken);
        return TypedResults.Ok(new DeadLetterListResponse(total, [.. letters.Select(ToResponse)]));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> ReplayAsync(
        string id, IStreamMonitor monitor, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        try
        {
            return await monitor.ReplayDeadLetterAsync(id, cancellationToken) ? TypedResults.NoContent() : UnknownDeadLetter(id);
        }
        catch (Exception error) when (error is not (GrainOverloadedException or SiloUnavailableException or OperationCanceledException))
        {
            // The grain failed again: report its error as the upstream's, and keep the dead letter.
            var errorType = error is RemoteGrainException { OriginalTypeName: { } original } ? original : error.GetType().FullName ?? error.GetType().Name;
            LogReplayFailed(loggers.CreateLogger(typeof(StreamsApi).FullName!), id, errorType, error);
            return TypedResults.Problem(
                $"Replaying dead letter '{id}' failed again: {errorType}: {error.Message}",
                statusCode: StatusCodes.Status502BadGateway,
                title: "Replay failed",
                extensions: new Dictionary<string, object?> { ["errorType"] = errorType, ["errorMessage"] = error.Message });
        }
    }

    private static ProblemHttpResult UnknownDeadLetter(string id) =>
        TypedResults.Problem($"No dead letter has id '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Dead letter not found");

    private static DeadLetterResponse ToResponse(DeadLetter letter) => new(
        letter.Id,
        letter.GrainType,
        letter.Event.Partition,
        letter.Event.SequenceNumber,
        letter.Event.Namespace,
        letter.Event.Key,
        letter.Event.EventId,
        letter.ErrorType,
        letter.ErrorMessage,
        letter.Attempts,
        letter.FailedAt);

    [LoggerMessage(2401, LogLevel.Warning, "Replay of dead letter {Id} failed again with {ErrorType}")]
    private static partial void LogReplayFailed(ILogger logger, string id, string errorType, Exception error);
}
