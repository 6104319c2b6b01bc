using Npgsql;

namespace Grains.PostgreSql;

/// <summary>
/// One statement a writer runs in a group-commit transaction. It returns at most one row whose first column is a
/// bigint (a version, an ETag, a sequence number), or no row when the write did not apply (an ETag conflict); the
/// result is published only after COMMIT.
/// </summary>
/// <remarks>
/// Outcomes the caller expects must show as a returned row or its absence, never as an error: an error aborts the
/// whole transaction and fails every operation in it.
/// </remarks>
internal abstract class WriteOperation
{
    /// <summary>
    /// Orders the operations of a batch before they run, so concurrent transactions lock rows in the same order and
    /// do not deadlock: the table, then the row's key.
    /// </summary>
    public abstract string LockOrder { get; }

    /// <summary>The statement, with its parameters bound; created again if the transaction is retried.</summary>
    public abstract NpgsqlBatchCommand CreateCommand();

    /// <summary>Keeps the outcome until commit: the first column of the returned row, or null for no row.</summary>
    public abstract void Record(long? returned);

    /// <summary>Publishes the outcome kept by <see cref="Record"/>; called after COMMIT returned.</summary>
    public abstract void Complete();

    public abstract void Fail(Exception exception);

    public abstract bool TryClaim();
}
