namespace Fulfillment.ReadModels.PostgreSql;

/// <summary>Where the PostgreSQL read models live: a server and a schema, which may be the grains' own.</summary>
public sealed class PostgreSqlReadModelOptions
{
    /// <summary>An Npgsql connection string (<c>Host=…;Database=…;Username=…</c>). Required. Its <c>Search Path</c> is replaced by <see cref="Schema"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The schema of the read-model tables (all named <c>rm_…</c>), created and migrated at start; the grains' schema
    /// is fine. Lower-case letters, digits and underscores, starting with a letter or underscore, at most 63
    /// characters, not <c>pg_…</c>. Default <c>fulfillment</c>.
    /// </summary>
    public string Schema { get; set; } = "fulfillment";

    /// <summary>How long one command may run before it is canceled; whole seconds, rounded up. Default 30 s.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
