namespace Fulfillment.ReadModels.Sqlite;

/// <summary>Where the SQLite read model lives and how durable its commits are.</summary>
public sealed class SqliteReadModelOptions
{
    /// <summary>The database file (created with its directory if missing). Default <c>data/fulfillment.readmodels.db</c>.</summary>
    public string DataSource { get; set; } = "data/fulfillment.readmodels.db";

    /// <summary>
    /// <c>synchronous = FULL</c> (true, default): a commit survives power loss. False (<c>NORMAL</c>): it survives a
    /// process crash, which is all the marks need — a change lost with the machine is projected again from its grain.
    /// </summary>
    public bool FullSync { get; set; } = true;

    /// <summary>Delete the file when the store is disposed: a read model that lives as long as the process (memory storage, tests).</summary>
    public bool DeleteOnDispose { get; set; }
}
