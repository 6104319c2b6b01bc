using Grains.Reminders;
using Grains.Storage;
using Grains.Streams;

namespace Grains.Runtime.Cluster;

/// <summary>
/// How the runtime writes under a lease: through the provider's fenced method when it has one and there is a lease,
/// otherwise the plain write (a silo without a cluster, or a provider of one process).
/// </summary>
internal static class FencedWrites
{
    public static Task<string> WriteAsync(this IGrainStorage storage, GrainStateKey key, ReadOnlyMemory<byte> data, string? expectedEtag, LeaseFence fence, CancellationToken cancellationToken) =>
        !fence.IsNone && storage is IFencedGrainStorage fenced
            ? fenced.WriteAsync(key, data, expectedEtag, fence, cancellationToken)
            : storage.WriteAsync(key, data, expectedEtag, cancellationToken);

    public static Task<string> ClearAsync(this IGrainStorage storage, GrainStateKey key, string? expectedEtag, LeaseFence fence, CancellationToken cancellationToken) =>
        !fence.IsNone && storage is IFencedGrainStorage fenced
            ? fenced.ClearAsync(key, expectedEtag, fence, cancellationToken)
            : storage.ClearAsync(key, expectedEtag, cancellationToken);

    public static Task<string> UpsertAsync(this IReminderTable table, ReminderEntry entry, LeaseFence fence, CancellationToken cancellationToken) =>
        !fence.IsNone && table is IFencedReminderTable fenced
            ? fenced.UpsertAsync(entry, fence, cancellationToken)
            : table.UpsertAsync(entry, cancellationToken);

    public static Task<bool> RemoveAsync(this IReminderTable table, GrainId grainId, string name, string etag, LeaseFence fence, CancellationToken cancellationToken) =>
        !fence.IsNone && table is IFencedReminderTable fenced
            ? fenced.RemoveAsync(grainId, name, etag, fence, cancellationToken)
            : table.RemoveAsync(grainId, name, etag, cancellationToken);

    public static Task WriteAsync(this ICheckpointStore store, string consumerGroup, int partition, long sequenceNumber, LeaseFence fence, CancellationToken cancellationToken) =>
        !fence.IsNone && store is IFencedCheckpointStore fenced
            ? fenced.WriteAsync(consumerGroup, partition, sequenceNumber, fence, cancellationToken)
            : store.WriteAsync(consumerGroup, partition, sequenceNumber, cancellationToken);
}
