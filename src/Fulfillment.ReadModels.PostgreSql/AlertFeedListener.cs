using System.Data;
using Npgsql;

namespace Fulfillment.ReadModels.PostgreSql;

/// <summary>
/// Hears the commits that change alerts, in any process: a connection of its own that <c>LISTEN</c>s on the schema's
/// feed channel (every such commit notifies it; see <see cref="ReadModelSql.UpsertAlerts"/>). A wait ends on a
/// notification, on (re)connecting — notifications sent while nobody listened are gone, so the caller reads anyway —
/// and after <see cref="QuietWhile"/>, so a connection lost without a word costs at most that much delay.
/// </summary>
internal sealed class AlertFeedListener(NpgsqlDataSource dataSource, string channel, TimeProvider time) : IAsyncDisposable
{
    /// <summary>Longest wait without a notification before the caller is told to read anyway.</summary>
    public static readonly TimeSpan QuietWhile = TimeSpan.FromSeconds(30);

    private NpgsqlConnection? _connection;

    /// <summary>The channel of a schema: notifications are per database, so the schema is in the name (cut to PostgreSQL's 63 bytes).</summary>
    public static string Channel(string schema)
    {
        var name = "rm_alerts_" + schema;
        return name.Length <= 63 ? name : name[..63];
    }

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        if (_connection is not { FullState: ConnectionState.Open })
        {
            await ListenAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        using var quiet = new CancellationTokenSource(QuietWhile, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, quiet.Token);
        try
        {
            await _connection.WaitAsync(either.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // A quiet while: the caller reads anyway.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task ListenAsync(CancellationToken cancellationToken)
    {
        await DisposeAsync().ConfigureAwait(false);
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // The channel is built from a validated schema name: lower-case letters, digits and underscores.
            await using var listen = new NpgsqlCommand($"LISTEN {channel};", connection);
            await listen.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        _connection = connection;
    }
}
