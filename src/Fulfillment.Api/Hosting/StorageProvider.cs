namespace Fulfillment.Api.Hosting;

public enum StorageProvider
{
    /// <summary>Grain state, reminders and streams in one SQLite file: the embedded, durable default.</summary>
    Sqlite,

    /// <summary>Everything in memory and lost with the process: tests and benchmarks.</summary>
    Memory,

    /// <summary>Grain state, reminders and streams in one schema of a PostgreSQL database (<c>ConnectionStrings:Fulfillment</c>).</summary>
    PostgreSql,
}
