namespace Grains.PostgreSql;

/// <summary>
/// Options of a PostgreSQL provider. Providers with the same <see cref="ConnectionString"/> and <see cref="Schema"/>
/// share one database (connection pool and writers) per process, so they must agree on the other settings.
/// </summary>
public sealed class PostgreSqlStorageOptions
{
    /// <summary>
    /// An Npgsql connection string (<c>Host=…;Database=…;Username=…</c>). Required. Its <c>Search Path</c>, if any, is
    /// replaced by <see cref="Schema"/>.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The schema holding the providers' tables, created and migrated at start. Lower-case letters, digits and
    /// underscores, starting with a letter or underscore, at most 63 characters. Default <c>grains</c>.
    /// </summary>
    public string Schema { get; set; } = "grains";

    /// <summary>Most write operations (state writes, reminder and checkpoint updates) committed in one transaction. Default 512.</summary>
    public int MaxWriteBatchSize { get; set; } = 512;

    /// <summary>Transactions of write operations in flight at once, each on its own connection. Default 4.</summary>
    public int WriteConcurrency { get; set; } = 4;

    /// <summary>
    /// Most events of queued stream appends committed in one transaction; an append larger than this still commits
    /// whole, alone. Default 8192.
    /// </summary>
    public int MaxAppendBatchEvents { get; set; } = 8192;

    /// <summary>How long one command may run before it is canceled; whole seconds, rounded up. Default 30 s.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
