using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Grains.Sqlite;

/// <summary>One step of the database schema: applied once, in version order, and recorded in <c>schema_version</c>.</summary>
/// <param name="Version">Position of the step; versions start at 1 and have no gaps.</param>
/// <param name="Name">A short name stored with the version, for people reading the database.</param>
/// <param name="Sql">The statements of the step; they run in the migration transaction.</param>
/// <param name="Code">
/// Optional work SQL cannot express, such as repacking rows; it runs after <paramref name="Sql"/> in the same
/// transaction, on the migrating connection, and throws to fail the migration.
/// </param>
internal sealed record SchemaMigration(int Version, string Name, string Sql, Action<SqliteConnection, ILogger>? Code = null);
