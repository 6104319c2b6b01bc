using Npgsql;

namespace Grains.PostgreSql;

/// <summary>Removes one dead letter; the result says whether it was there.</summary>
internal sealed class DeadLetterRemoveOperation(string id) : WriteOperation<bool>
{
    // One key for every letter: the sort is stable, so letters of a batch keep the order they were added in, which
    // their identity column records.
    public override string LockOrder => DeadLetterSql.LockOrder;

    public override NpgsqlBatchCommand CreateCommand() => new(DeadLetterSql.Remove) { Parameters = { Value(id) } };

    protected override bool Interpret(long? returned) => returned is not null;
}
