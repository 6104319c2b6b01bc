using System.Globalization;

namespace Grains.Sqlite.Tests;

/// <summary>Reads a pragma on the writer connection itself, where the per-connection settings that matter live.</summary>
internal sealed class PragmaOperation(string pragma) : SqliteWriteOperation<long>
{
    protected override long Execute(SqliteCommandCache commands) =>
        Convert.ToInt64(commands.Get($"PRAGMA {pragma};").ExecuteScalar(), CultureInfo.InvariantCulture);
}
