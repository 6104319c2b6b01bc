namespace Grains.Sqlite;

/// <summary>The <c>PRAGMA synchronous</c> levels the providers support; the values are SQLite's own.</summary>
public enum SqliteSynchronousMode
{
    /// <summary>Commits reach the write-ahead log without waiting for the disk: durable across a process crash, not a power loss.</summary>
    Normal = 1,

    /// <summary>Every commit waits until the write-ahead log is on disk.</summary>
    Full = 2,
}
