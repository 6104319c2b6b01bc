namespace Grains.Sqlite;

/// <summary>Records a checkpoint, replacing the group's previous one for the partition.</summary>
internal sealed class CheckpointWriteOperation(string consumerGroup, int partition, long sequenceNumber, long updatedAt) : SqliteWriteOperation<bool>
{
    protected override bool Execute(SqliteCommandCache commands) =>
        commands.Get(CheckpointSql.Write)
            .Bind("$consumerGroup", consumerGroup)
            .Bind("$partition", partition)
            .Bind("$sequenceNumber", sequenceNumber)
            .Bind("$updatedAt", updatedAt)
            .ExecuteNonQuery() == 1;
}
