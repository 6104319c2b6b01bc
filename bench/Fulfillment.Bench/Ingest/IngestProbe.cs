using System.Diagnostics;
using System.Globalization;
using Fulfillment.Bench.Measurement;

namespace Fulfillment.Bench.Ingest;

/// <summary>
/// Where the subscriber grains report what they applied: per event, the Stopwatch time it was applied, keyed by the
/// number in its CloudEvent id (<c>evt-{n}</c>), which the posting side allocates densely. Also counts what should
/// never happen: events applied twice, ids the bench did not make, and events of a key out of log order.
/// </summary>
public sealed class IngestProbe
{
    public const string IdPrefix = "evt-";

    private readonly TimestampTable _applied;
    private long _count;
    private long _redelivered;
    private long _unrecognized;
    private long _outOfOrder;
    private AppliedTarget? _target;

    internal IngestProbe(long capacity) => _applied = new TimestampTable(capacity);

    /// <summary>Distinct events applied so far.</summary>
    internal long Count => Volatile.Read(ref _count);

    internal long Redelivered => Volatile.Read(ref _redelivered);

    internal long Unrecognized => Volatile.Read(ref _unrecognized);

    internal long OutOfOrder => Volatile.Read(ref _outOfOrder);

    internal long Capacity => _applied.Capacity;

    /// <summary>Called by a subscriber grain once it applied the event with this log event id.</summary>
    internal void Applied(string eventId)
    {
        var now = Stopwatch.GetTimestamp();
        if (!TryParseIndex(eventId, out var index))
        {
            Interlocked.Increment(ref _unrecognized);
            return;
        }

        if (!_applied.TryRecord(index, now))
        {
            Interlocked.Increment(ref _redelivered);
            return;
        }

        var count = Interlocked.Increment(ref _count);
        if (Volatile.Read(ref _target) is { } target && count >= target.Count)
        {
            target.Reached.TrySetResult();
        }
    }

    internal void KeyOutOfOrder() => Interlocked.Increment(ref _outOfOrder);

    /// <summary>Makes events below <paramref name="count"/> recordable; the poster calls it before sending them.</summary>
    internal void Reserve(long count) => _applied.Reserve(count);

    internal long AppliedAt(long index) => _applied.Get(index);

    /// <summary>Completes once <paramref name="count"/> distinct events have been applied; throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    internal Task WaitForAsync(long count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var target = new AppliedTarget(count, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        Volatile.Write(ref _target, target);
        if (Count >= count)
        {
            target.Reached.TrySetResult();
        }

        return target.Reached.Task.WaitAsync(timeout, cancellationToken);
    }

    // The log's event id is "{length of source}:{source}:{id}"; the bench's ids are "evt-{n}" and hold no colon.
    private static bool TryParseIndex(string eventId, out long index)
    {
        var id = eventId.AsSpan(eventId.LastIndexOf(':') + 1);
        index = 0;
        return id.StartsWith(IdPrefix, StringComparison.Ordinal)
            && long.TryParse(id[IdPrefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out index);
    }
}
