using Grains.Runtime.Placement;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Grains.Streams;

/// <summary>
/// A stream log in process memory, for tests and single-process runs that need no durability: everything is lost
/// with the instance. One lock serializes appends, reads and trims, which makes each append atomic; bodies are copied
/// in and out, so neither the caller's buffers nor the returned events share memory with the log. <see cref="Appended"/>
/// is raised on the appending thread after the lock is released and before the append's task completes.
/// De-duplication follows <see cref="StreamStorageOptions"/>: ids of the last
/// <see cref="StreamStorageOptions.DeduplicationCapacity"/> appended events enqueued within the window, less those
/// trimmed since.
/// </summary>
public sealed partial class MemoryStreamLog : IStreamLog
{
    private readonly Lock _lock = new();
    private readonly MemoryStreamPartition[] _partitions;
    private readonly MemoryEventIdWindow _eventIds;
    private readonly TimeProvider _time;
    private readonly TimeSpan _deduplicationWindow;
    private readonly ILogger _logger;

    /// <summary>A log that recognises repeats within <paramref name="deduplicationWindow"/> and the default capacity.</summary>
    public MemoryStreamLog(int partitionCount, TimeProvider time, TimeSpan deduplicationWindow, ILogger<MemoryStreamLog>? logger = null)
        : this(partitionCount, time, WindowOnly(deduplicationWindow), logger)
    {
    }

    /// <summary>A log whose de-duplication window and capacity come from <paramref name="options"/>, read once here.</summary>
    public MemoryStreamLog(int partitionCount, TimeProvider time, StreamStorageOptions options, ILogger<MemoryStreamLog>? logger = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(partitionCount, 1);
        ArgumentNullException.ThrowIfNull(time);
        StreamStorageOptionsValidator.ThrowIfInvalid(options, nameof(options));
        _partitions = new MemoryStreamPartition[partitionCount];
        for (var i = 0; i < partitionCount; i++)
        {
            _partitions[i] = new MemoryStreamPartition(i);
        }

        _time = time;
        _deduplicationWindow = options.DeduplicationWindow;
        _eventIds = new MemoryEventIdWindow(options.DeduplicationCapacity);
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    public event Action<IReadOnlyCollection<int>>? Appended;

    public int PartitionCount => _partitions.Length;

    /// <summary>Event ids currently remembered for de-duplication; a testing and diagnostics aid.</summary>
    internal int RememberedEventIds
    {
        get
        {
            lock (_lock)
            {
                return _eventIds.Count;
            }
        }
    }

    public Task<StreamAppendResult> AppendAsync(IReadOnlyList<StreamEventData> events, CancellationToken cancellationToken = default)
    {
        StreamEventBatch.ThrowIfInvalid(events, nameof(events));
        cancellationToken.ThrowIfCancellationRequested();

        // Hashing and copying happen before the lock, so the lock only covers what must be atomic.
        var partitions = new int[events.Count];
        var bodies = new byte[events.Count][];
        for (var i = 0; i < events.Count; i++)
        {
            partitions[i] = PartitionHash.GetPartition(events[i].Key, _partitions.Length);
            bodies[i] = events[i].Body.ToArray();
        }

        var appended = new List<StreamPosition>(events.Count);
        var touched = new SortedSet<int>();
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            var expiredAtOrBefore = now - _deduplicationWindow;
            _eventIds.Expire(expiredAtOrBefore);
            for (var i = 0; i < events.Count; i++)
            {
                var eventId = events[i].EventId;
                if (_eventIds.Contains(eventId, expiredAtOrBefore))
                {
                    continue;
                }

                var partition = partitions[i];
                var sequenceNumber = _partitions[partition].Append(events[i], bodies[i], now);
                _eventIds.Add(eventId, partition, sequenceNumber, now);
                appended.Add(new StreamPosition(partition, sequenceNumber));
                touched.Add(partition);
            }
        }

        if (touched.Count > 0)
        {
            RaiseAppended([.. touched]);
        }

        return Task.FromResult(new StreamAppendResult(appended, events.Count - appended.Count));
    }

    public Task<IReadOnlyList<StreamEvent>> ReadAsync(int partition, long fromSequenceNumber, int maxCount, CancellationToken cancellationToken = default)
    {
        StreamEventBatch.ThrowIfPartitionOutOfRange(partition, _partitions.Length, nameof(partition));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<StreamEvent>>(_partitions[partition].Read(fromSequenceNumber, maxCount));
        }
    }

    public Task<StreamPartitionInfo> GetPartitionInfoAsync(int partition, CancellationToken cancellationToken = default)
    {
        StreamEventBatch.ThrowIfPartitionOutOfRange(partition, _partitions.Length, nameof(partition));
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return Task.FromResult(_partitions[partition].GetInfo());
        }
    }

    /// <summary>
    /// Removes the partition's matching events and forgets their ids, and lets go of ids whose de-duplication window
    /// has passed.
    /// </summary>
    public Task<int> TrimAsync(int partition, long throughSequenceNumber, DateTimeOffset enqueuedBefore, CancellationToken cancellationToken = default)
    {
        StreamEventBatch.ThrowIfPartitionOutOfRange(partition, _partitions.Length, nameof(partition));
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            _eventIds.Expire(_time.GetUtcNow() - _deduplicationWindow);
            return Task.FromResult(_partitions[partition].Trim(throughSequenceNumber, enqueuedBefore, _eventIds.Forget));
        }
    }

    private static StreamStorageOptions WindowOnly(TimeSpan deduplicationWindow)
    {
        StreamStorageOptionsValidator.ThrowIfInvalid(deduplicationWindow, nameof(deduplicationWindow));
        return new StreamStorageOptions { DeduplicationWindow = deduplicationWindow };
    }

    private void RaiseAppended(int[] partitions) =>
        AppendedHandlers.Raise(Appended, partitions, (exception, text) => LogAppendedHandlerFailed(_logger, exception, text));

    [LoggerMessage(Level = LogLevel.Error, Message = "A handler of Appended failed for partitions {Partitions}; the append itself succeeded")]
    private static partial void LogAppendedHandlerFailed(ILogger logger, Exception exception, string partitions);
}
