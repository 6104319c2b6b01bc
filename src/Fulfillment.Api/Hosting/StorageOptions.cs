namespace Fulfillment.Api.Hosting;

/// <summary>The <c>Storage</c> configuration section: which providers the silo uses.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary><c>Sqlite</c> (default), <c>PostgreSql</c> or <c>Memory</c>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    public SqliteSettings Sqlite { get; set; } = new();

    public PostgreSqlSettings PostgreSql { get; set; } = new();
}
