namespace Grains.Streams;

/// <summary>
/// The checks every <see cref="IStreamLog"/> makes on a batch before appending any of it, so that an invalid event
/// fails the whole batch with nothing stored.
/// </summary>
public static class StreamEventBatch
{
    /// <summary>
    /// Throws <see cref="ArgumentNullException"/> for a null list, and <see cref="ArgumentException"/> naming the first
    /// event that is null or lacks a namespace, a key or an event id.
    /// </summary>
    public static void ThrowIfInvalid(IReadOnlyList<StreamEventData> events, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(events, parameterName);
        for (var i = 0; i < events.Count; i++)
        {
            var problem = events[i] switch
            {
                null => "is null",
                { Namespace: null or "" } => "has no Namespace",
                { Key: null } => "has a null Key",
                { EventId: null or "" } => "has no EventId; every event needs an id for de-duplication",
                _ => null,
            };
            if (problem is not null)
            {
                throw new ArgumentException($"Event {i} of the batch {problem}. Nothing of the batch was appended.", parameterName);
            }
        }
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> unless 0 ≤ <paramref name="partition"/> &lt; <paramref name="partitionCount"/>.</summary>
    public static void ThrowIfPartitionOutOfRange(int partition, int partitionCount, string parameterName)
    {
        if ((uint)partition >= (uint)partitionCount)
        {
            throw new ArgumentOutOfRangeException(parameterName, partition, $"The log has partitions 0 to {partitionCount - 1}.");
        }
    }
}
