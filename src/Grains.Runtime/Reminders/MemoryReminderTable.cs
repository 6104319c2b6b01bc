using System.Collections.Concurrent;
using System.Globalization;

namespace Grains.Reminders;

/// <summary>Reminders in process memory, for tests and single-process runs that need no durability.</summary>
public sealed class MemoryReminderTable : IReminderTable
{
    private readonly ConcurrentDictionary<(GrainId GrainId, string Name), ReminderEntry> _entries = new();
    private long _nextEtag;

    public Task<ReminderEntry?> ReadAsync(GrainId grainId, string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(_entries.TryGetValue((grainId, name), out var entry) ? entry : null);

    public Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(GrainId grainId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ReminderEntry>>(
            [.. _entries.Values.Where(e => e.GrainId.Equals(grainId)).OrderBy(e => e.Name, StringComparer.Ordinal)]);

    public Task<IReadOnlyList<ReminderEntry>> ReadDueAsync(IReadOnlyCollection<int> partitions, DateTimeOffset dueBefore, CancellationToken cancellationToken = default)
    {
        var owned = partitions as ISet<int> ?? partitions.ToHashSet();
        return Task.FromResult<IReadOnlyList<ReminderEntry>>(
            [.. _entries.Values.Where(e => owned.Contains(e.Partition) && (!e.IsOneShot || e.StartAt < dueBefore)).OrderBy(e => e.StartAt)]);
    }

    public Task<string> UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var etag = Interlocked.Increment(ref _nextEtag).ToString(CultureInfo.InvariantCulture);
        _entries[(entry.GrainId, entry.Name)] = entry with { ETag = etag };
        return Task.FromResult(etag);
    }

    public Task<bool> RemoveAsync(GrainId grainId, string name, string etag, CancellationToken cancellationToken = default)
    {
        var key = (grainId, name);
        return Task.FromResult(
            _entries.TryGetValue(key, out var current)
            && string.Equals(current.ETag, etag, StringComparison.Ordinal)
            && _entries.TryRemove(KeyValuePair.Create(key, current)));
    }
}
