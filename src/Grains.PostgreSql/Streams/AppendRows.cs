using System.Runtime.InteropServices;
using Grains.Streams;
using Npgsql;
using NpgsqlTypes;

namespace Grains.PostgreSql;

/// <summary>The rows one append transaction writes, gathered as the column arrays its statements unnest.</summary>
internal sealed class AppendRows
{
    private readonly List<int> _partitions = [];
    private readonly List<long> _sequenceNumbers = [];
    private readonly List<long> _offsets = [];
    private readonly List<string> _namespaces = [];
    private readonly List<string> _keys = [];
    private readonly List<string> _eventIds = [];
    private readonly List<byte[]> _bodies = [];

    // Per id, the last event stored with it: one upsert may not touch a row twice.
    private readonly Dictionary<string, (int Partition, long SequenceNumber, long Ordinal)> _latestById = new(StringComparer.Ordinal);

    public int Count => _partitions.Count;

    public void Add(StreamEventData data, int partition, long sequenceNumber, long offset, long ordinal)
    {
        _partitions.Add(partition);
        _sequenceNumbers.Add(sequenceNumber);
        _offsets.Add(offset);
        _namespaces.Add(data.Namespace);
        _keys.Add(data.Key);
        _eventIds.Add(data.EventId);
        _bodies.Add(WholeArrayOrCopy(data.Body));
        _latestById[data.EventId] = (partition, sequenceNumber, ordinal);
    }

    public NpgsqlBatchCommand InsertEvents(long enqueuedAt) => new(StreamLogSql.InsertEvents)
    {
        Parameters =
        {
            new NpgsqlParameter<int[]> { TypedValue = [.. _partitions] },
            new NpgsqlParameter<long[]> { TypedValue = [.. _sequenceNumbers] },
            new NpgsqlParameter<long[]> { TypedValue = [.. _offsets] },
            new NpgsqlParameter<long> { TypedValue = enqueuedAt },
            new NpgsqlParameter<string[]> { TypedValue = [.. _namespaces] },
            new NpgsqlParameter<string[]> { TypedValue = [.. _keys] },
            new NpgsqlParameter<string[]> { TypedValue = [.. _eventIds] },
            new NpgsqlParameter<byte[][]> { TypedValue = [.. _bodies], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea },
        },
    };

    public NpgsqlBatchCommand UpsertEventIds(long enqueuedAt)
    {
        var count = _latestById.Count;
        var (ids, partitions, sequenceNumbers, ordinals) = (new string[count], new int[count], new long[count], new long[count]);
        var i = 0;
        foreach (var (id, latest) in _latestById)
        {
            (ids[i], partitions[i], sequenceNumbers[i], ordinals[i]) = (id, latest.Partition, latest.SequenceNumber, latest.Ordinal);
            i++;
        }

        return new(StreamLogSql.UpsertEventIds)
        {
            Parameters =
            {
                new NpgsqlParameter<string[]> { TypedValue = ids },
                new NpgsqlParameter<int[]> { TypedValue = partitions },
                new NpgsqlParameter<long[]> { TypedValue = sequenceNumbers },
                new NpgsqlParameter<long> { TypedValue = enqueuedAt },
                new NpgsqlParameter<long[]> { TypedValue = ordinals },
            },
        };
    }

    /// <summary>The caller awaits the append until it committed, so a body that is a whole array is sent as it is.</summary>
    private static byte[] WholeArrayOrCopy(ReadOnlyMemory<byte> body) =>
        MemoryMarshal.TryGetArray(body, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : body.ToArray();
}
