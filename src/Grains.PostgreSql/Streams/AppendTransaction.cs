using Grains.Streams;
using Npgsql;

namespace Grains.PostgreSql;

/// <summary>
/// Appends a group of queued appends in one transaction. It locks the log row (so appends of every process take turns
/// and commit in the order they allocated positions), then the head rows of the partitions involved, and reads the
/// sightings of the batch's ids; it decides duplicates and positions in memory, event by event in queue order, then
/// writes events, id rows, heads and the next ordinal in one batch of statements.
/// </summary>
/// <remarks>
/// An id is a duplicate when its latest stored event is still in the log (trimming removes the sighting), was enqueued
/// after the window's cutoff and is among the last <c>capacity</c> events stored: its ordinal is at least the next
/// ordinal minus the capacity. Ordinals are allocated under the log lock, so the count is exact across processes.
/// </remarks>
internal sealed class AppendTransaction(IReadOnlyList<PendingAppend> appends, TimeProvider time, TimeSpan window, long capacity)
{
    public async Task<StreamAppendOutcome[]> RunAsync(NpgsqlConnection connection)
    {
        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        var (nextOrdinal, heads, sightings) = await LockAndReadAsync(connection, transaction).ConfigureAwait(false);

        // Read under the lock, so enqueue times follow sequence numbers within a partition.
        var enqueuedAt = time.GetUtcNow().UtcTicks;
        var expiredAtOrBefore = enqueuedAt - window.Ticks;
        var rows = new AppendRows();
        var outcomes = new StreamAppendOutcome[appends.Count];
        for (var a = 0; a < appends.Count; a++)
        {
            var (events, partitions) = (appends[a].Events, appends[a].Partitions);
            var appended = new List<StreamPosition>(events.Count);
            var written = new SortedSet<int>();
            for (var i = 0; i < events.Count; i++)
            {
                var data = events[i];
                if (sightings.TryGetValue(data.EventId, out var seen) && seen.EnqueuedAt > expiredAtOrBefore && seen.Ordinal >= nextOrdinal - capacity)
                {
                    continue;
                }

                var (sequenceNumber, offset) = heads[partitions[i]].Take(data.Body.Length);
                rows.Add(data, partitions[i], sequenceNumber, offset, nextOrdinal);
                sightings[data.EventId] = new EventIdSighting(enqueuedAt, nextOrdinal);
                nextOrdinal++;
                appended.Add(new StreamPosition(partitions[i], sequenceNumber));
                written.Add(partitions[i]);
            }

            outcomes[a] = new StreamAppendOutcome(appended, events.Count - appended.Count, [.. written]);
        }

        if (rows.Count > 0)
        {
            await WriteAsync(connection, transaction, rows, heads, enqueuedAt, nextOrdinal).ConfigureAwait(false);
        }

        await transaction.CommitAsync().ConfigureAwait(false);
        return outcomes;
    }

    private async Task<(long NextOrdinal, Dictionary<int, PartitionHead> Heads, Dictionary<string, EventIdSighting> Sightings)> LockAndReadAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        var partitions = appends.SelectMany(a => a.Partitions).Distinct().Order().ToArray();
        var ids = appends.SelectMany(a => a.Events).Select(e => e.EventId).Distinct(StringComparer.Ordinal).ToArray();
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new(StreamLogSql.LockLog),
                new(StreamLogSql.LockHeads) { Parameters = { new NpgsqlParameter<int[]> { TypedValue = partitions } } },
                new(StreamLogSql.ReadEventIds) { Parameters = { new NpgsqlParameter<string[]> { TypedValue = ids } } },
            },
        };
        await using var reader = await batch.ExecuteReaderAsync().ConfigureAwait(false);
        if (!await reader.ReadAsync().ConfigureAwait(false))
        {
            throw new InvalidOperationException("The stream_log row is missing; the log was not opened on this schema.");
        }

        var nextOrdinal = reader.GetInt64(0);
        await reader.NextResultAsync().ConfigureAwait(false);
        var heads = new Dictionary<int, PartitionHead>(partitions.Length);
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            heads.Add(reader.GetInt32(0), new PartitionHead(reader.GetInt64(1), reader.GetInt64(2)));
        }

        if (heads.Count != partitions.Length)
        {
            throw new InvalidOperationException($"Stream head rows are missing for partitions {string.Join(", ", partitions.Where(p => !heads.ContainsKey(p)))}.");
        }

        await reader.NextResultAsync().ConfigureAwait(false);
        var sightings = new Dictionary<string, EventIdSighting>(ids.Length, StringComparer.Ordinal);
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            sightings.Add(reader.GetString(0), new EventIdSighting(reader.GetInt64(1), reader.GetInt64(2)));
        }

        return (nextOrdinal, heads, sightings);
    }

    private static async Task WriteAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        AppendRows rows,
        Dictionary<int, PartitionHead> heads,
        long enqueuedAt,
        long nextOrdinal)
    {
        var touched = heads.Where(h => h.Value.Touched).ToArray();
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                rows.InsertEvents(enqueuedAt),
                rows.UpsertEventIds(enqueuedAt),
                new(StreamLogSql.UpdateHeads)
                {
                    Parameters =
                    {
                        new NpgsqlParameter<int[]> { TypedValue = [.. touched.Select(h => h.Key)] },
                        new NpgsqlParameter<long[]> { TypedValue = [.. touched.Select(h => h.Value.NextSequenceNumber)] },
                        new NpgsqlParameter<long[]> { TypedValue = [.. touched.Select(h => h.Value.NextOffset)] },
                        new NpgsqlParameter<long> { TypedValue = enqueuedAt },
                    },
                },
                new(StreamLogSql.UpdateOrdinal) { Parameters = { new NpgsqlParameter<long> { TypedValue = nextOrdinal } } },
            },
        };
        await batch.ExecuteNonQueryAsync().ConfigureAwait(false);
    }
}
