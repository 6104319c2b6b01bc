namespace Fulfillment.Api.Streams;

/// <summary>The silo's stream consumption: its consumer group, totals, each partition it runs, and dead letters waiting.</summary>
public sealed record StreamsStatusResponse(
    string ConsumerGroup,
    long LagEvents,
    int DeadLetters,
    IReadOnlyList<StreamPartitionResponse> Partitions);
