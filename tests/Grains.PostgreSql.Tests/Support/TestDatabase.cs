using Grains.Testing;

namespace Grains.PostgreSql.Tests;

/// <summary>
/// A provider database on a schema of the test's own: opened (and reopened, as a restart would) on demand, closed
/// and its schema dropped on dispose.
/// </summary>
internal sealed class TestDatabase(TimeProvider? clock = null) : IAsyncDisposable
{
    private PostgreSqlDatabase? _current;

    public PostgreSqlTestSchema Schema { get; } = new();

    /// <summary>Opens a new instance over the schema; the previous one must have been closed.</summary>
    public PostgreSqlDatabase Open(Action<PostgreSqlStorageOptions>? configure = null)
    {
        _current = PostgreSqlDatabase.Open(Schema.Options(configure), timeProvider: clock);
        return _current;
    }

    public async Task CloseAsync()
    {
        if (_current is not null)
        {
            await _current.DisposeAsync();
            _current = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        await Schema.DisposeAsync();
    }
}
