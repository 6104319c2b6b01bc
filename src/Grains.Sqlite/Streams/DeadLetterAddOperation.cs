using Grains.Streams;

namespace Grains.Sqlite;

/// <summary>Stores a dead letter unless its id is taken; returns whether it was stored.</summary>
internal sealed class DeadLetterAddOperation(DeadLetter letter, byte[] body) : SqliteWriteOperation<bool>
{
    protected override bool Execute(SqliteCommandCache commands)
    {
        var stored = letter.Event;
        return commands.Get(DeadLetterSql.Add)
            .Bind("$id", letter.Id)
            .Bind("$consumerGroup", letter.ConsumerGroup)
            .Bind("$grainType", letter.GrainType)
            .Bind("$partition", stored.Partition)
            .Bind("$sequenceNumber", stored.SequenceNumber)
            .Bind("$offset", stored.Offset)
            .Bind("$enqueuedAt", stored.EnqueuedTime.UtcTicks)
            .Bind("$namespace", stored.Namespace)
            .Bind("$key", stored.Key)
            .Bind("$eventId", stored.EventId)
            .Bind("$body", body)
            .Bind("$errorType", letter.ErrorType)
            .Bind("$errorMessage", letter.ErrorMessage)
            .Bind("$attempts", letter.Attempts)
            .Bind("$failedAt", letter.FailedAt.UtcTicks)
            .ExecuteNonQuery() == 1;
    }
}
