using System.Collections.Concurrent;
using System.Globalization;

namespace Grains.Storage;

/// <summary>
/// Grain state in process memory, for tests and benchmarks. Payloads are copied in and out, so grains never share
/// state objects through it; ETags are per-key version numbers that survive clears.
/// </summary>
public sealed class MemoryGrainStorage : IGrainStorage
{
    private readonly ConcurrentDictionary<GrainStateKey, GrainStateRecord> _records = new();

    public Task<GrainStateRecord?> ReadAsync(GrainStateKey key, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_records.TryGetValue(key, out var record) ? Copy(record) : null);
    }

    public Task<string> WriteAsync(GrainStateKey key, ReadOnlyMemory<byte> data, string? expectedEtag, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Replace(key, data.ToArray(), expectedEtag));
    }

    public Task<string> ClearAsync(GrainStateKey key, string? expectedEtag, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Replace(key, null, expectedEtag));
    }

    private string Replace(GrainStateKey key, byte[]? data, string? expectedEtag)
    {
        while (true)
        {
            if (!_records.TryGetValue(key, out var current))
            {
                if (expectedEtag is not null)
                {
                    throw Conflict(key, null, expectedEtag);
                }

                var first = new GrainStateRecord(data, "1");
                if (_records.TryAdd(key, first))
                {
                    return first.Etag;
                }

                continue;
            }

            if (!string.Equals(current.Etag, expectedEtag, StringComparison.Ordinal))
            {
                throw Conflict(key, current.Etag, expectedEtag);
            }

            var next = new GrainStateRecord(data, (long.Parse(current.Etag, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture));
            if (_records.TryUpdate(key, next, current))
            {
                return next.Etag;
            }
        }
    }

    private static GrainStateRecord Copy(GrainStateRecord record) => record with { Data = record.Data?.ToArray() };

    private static InconsistentStateException Conflict(GrainStateKey key, string? stored, string? expected) =>
        new($"Version conflict writing {key}: storage has ETag '{stored ?? "<none>"}', the writer expected '{expected ?? "<none>"}'.", stored, expected);
}
