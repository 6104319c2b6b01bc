namespace Grains.Sqlite.Tests;

internal static class TestDatabases
{
    /// <summary>Default options, but for a database file of the given name in <paramref name="directory"/>.</summary>
    public static SqliteStorageOptions Options(TempDirectory directory, string name = "grains.db", int maxBatchSize = 1024) => new()
    {
        DataSource = directory.File(name),
        MaxBatchSize = maxBatchSize,
    };
}
