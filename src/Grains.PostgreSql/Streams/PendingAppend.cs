using Grains.Streams;

namespace Grains.PostgreSql;

/// <summary>One caller's append waiting for the log's append transaction; <see cref="Partitions"/> holds each event's partition.</summary>
internal sealed class PendingAppend(IReadOnlyList<StreamEventData> events, int[] partitions) : QueuedOperation<StreamAppendOutcome>
{
    public IReadOnlyList<StreamEventData> Events { get; } = events;

    public int[] Partitions { get; } = partitions;
}
