using Grains.Testing;

namespace Fulfillment.ReadModels.PostgreSql.Tests;

/// <summary>Read-model stores on a schema of a test's own on the test server (<see cref="PostgreSqlTestSchema"/>).</summary>
internal static class TestStores
{
    public static PostgreSqlReadModelOptions Options(PostgreSqlTestSchema schema) =>
        new() { ConnectionString = schema.ConnectionString, Schema = schema.Name };

    /// <summary>A new store on the schema, not initialized.</summary>
    public static PostgreSqlReadModelStore Create(PostgreSqlTestSchema schema, TimeProvider? time = null) => new(Options(schema), timeProvider: time);

    /// <summary>A new store on the schema, initialized: one more process writing to it.</summary>
    public static async Task<PostgreSqlReadModelStore> StartAsync(PostgreSqlTestSchema schema, TimeProvider? time = null)
    {
        var store = Create(schema, time);
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }
}
