using Grains.Streams;
using Npgsql;

namespace Grains.PostgreSql;

/// <summary>Stores one dead letter unless its id is taken; the result says whether it was stored.</summary>
internal sealed class DeadLetterAddOperation(DeadLetter letter, byte[] body) : WriteOperation<bool>
{
    // One key for every letter: the sort is stable, so letters of a batch keep the order they were added in, which
    // their identity column records.
    public override string LockOrder => DeadLetterSql.LockOrder;

    public override NpgsqlBatchCommand CreateCommand()
    {
        var stored = letter.Event;
        return new NpgsqlBatchCommand(DeadLetterSql.Add)
        {
            Parameters =
            {
                Value(letter.Id),
                Value(letter.ConsumerGroup),
                Value(letter.GrainType),
                Value(stored.Partition),
                Value(stored.SequenceNumber),
                Value(stored.Offset),
                Value(stored.EnqueuedTime.UtcTicks),
                Value(stored.Namespace),
                Value(stored.Key),
                Value(stored.EventId),
                Value(body),
                Value(letter.ErrorType),
                Value(letter.ErrorMessage),
                Value(letter.Attempts),
                Value(letter.FailedAt.UtcTicks),
            },
        };
    }

    protected override bool Interpret(long? returned) => returned is not null;
}
