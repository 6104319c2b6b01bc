namespace Grains.Sqlite;

/// <summary>
/// Options of a SQLite provider. Providers whose <see cref="DataSource"/> resolves to the same file share one database,
/// so they must agree on the other settings.
/// </summary>
public sealed class SqliteStorageOptions
{
    /// <summary>Path of the database file, relative to the working directory unless rooted. Its directory is created if missing. Default <c>data/grains.db</c>.</summary>
    public string DataSource { get; set; } = "data/grains.db";

    /// <summary>
    /// How hard a commit waits for the disk. <see cref="SqliteSynchronousMode.Full"/> (default) makes a completed write
    /// survive power loss; <see cref="SqliteSynchronousMode.Normal"/> survives a process crash only.
    /// </summary>
    public SqliteSynchronousMode Synchronous { get; set; } = SqliteSynchronousMode.Full;

    /// <summary>Most write operations committed in one transaction. Default 1024.</summary>
    public int MaxBatchSize { get; set; } = 1024;

    /// <summary>How long a statement waits for a lock held by another process before failing. Default 5 s.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Page cache of the writer connection in KiB (<c>PRAGMA cache_size</c>): the B-tree pages every commit touches stay
    /// in memory instead of being read back. Readers keep SQLite's default. Default 65,536 (64 MiB).
    /// </summary>
    public int CacheSizeKiB { get; set; } = 65_536;

    /// <summary>
    /// WAL pages after which a commit copies the log back into the database file (<c>PRAGMA wal_autocheckpoint</c>).
    /// Larger values mean fewer, longer checkpoints and a larger WAL file (up to about this many pages of 4 KiB) under
    /// sustained writes. Default 10,000 (about 40 MiB).
    /// </summary>
    public int WalAutoCheckpointPages { get; set; } = 10_000;
}
