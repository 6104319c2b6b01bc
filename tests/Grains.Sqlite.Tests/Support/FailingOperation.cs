namespace Grains.Sqlite.Tests;

/// <summary>A write that hits an unexpected SQLite error, as a corrupt statement or a full disk would.</summary>
internal sealed class FailingOperation : SqliteWriteOperation<bool>
{
    protected override bool Execute(SqliteCommandCache commands)
    {
        commands.Get("INSERT INTO no_such_table (x) VALUES (1);").ExecuteNonQuery();
        return true;
    }
}
