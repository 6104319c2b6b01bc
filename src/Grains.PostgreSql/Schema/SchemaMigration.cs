namespace Grains.PostgreSql;

/// <summary>One step of the schema: applied once, in version order, and recorded in <c>schema_version</c>.</summary>
/// <param name="Version">Position of the step; versions start at 1 and have no gaps.</param>
/// <param name="Name">A short name stored with the version, for people reading the database.</param>
/// <param name="Sql">The statements of the step; they run in the migration transaction with the schema as search path.</param>
public sealed record SchemaMigration(int Version, string Name, string Sql);
