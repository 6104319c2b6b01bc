using Grains.Storage;
using Microsoft.Data.Sqlite;

namespace Grains.Sqlite;

/// <summary>A conditional write (or, with null data, clear) of one grain state, run by the writer.</summary>
internal sealed class GrainStateWriteOperation(GrainStateKey key, byte[]? data, string? expectedEtag, long updatedAt)
    : SqliteWriteOperation<GrainStateWriteResult>
{
    protected override GrainStateWriteResult Execute(SqliteCommandCache commands)
    {
        if (expectedEtag is null)
        {
            var insert = BindKey(commands.Get(GrainStateSql.Insert)).Bind("$data", data).Bind("$updatedAt", updatedAt);
            if (insert.ExecuteNonQuery() == 1)
            {
                return GrainStateWriteResult.Written(1);
            }
        }
        else if (VersionEtag.TryParse(expectedEtag, out var expectedVersion))
        {
            var update = BindKey(commands.Get(GrainStateSql.Update))
                .Bind("$expectedVersion", expectedVersion)
                .Bind("$data", data)
                .Bind("$updatedAt", updatedAt);
            if (update.ExecuteNonQuery() == 1)
            {
                return GrainStateWriteResult.Written(expectedVersion + 1);
            }
        }

        // Read inside the batch transaction, so the reported ETag is the one the write actually lost against.
        var stored = BindKey(commands.Get(GrainStateSql.ReadVersion)).ExecuteScalar();
        return GrainStateWriteResult.Conflict(stored is long version ? VersionEtag.Format(version) : null);
    }

    private SqliteCommand BindKey(SqliteCommand command) =>
        command.Bind("$grainType", key.GrainType).Bind("$grainKey", key.GrainKey).Bind("$stateName", key.StateName);
}
