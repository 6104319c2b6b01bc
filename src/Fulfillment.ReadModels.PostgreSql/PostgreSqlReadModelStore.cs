using Grains.PostgreSql;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Fulfillment.ReadModels.PostgreSql;

/// <summary>
/// The read models in a PostgreSQL schema that several processes may share (the grains' schema is fine; the tables
/// are <c>rm_…</c>). Each process's projector writes a batch as one transaction in one round trip on a connection of
/// its own (<see cref="ReadModelWriter"/>); reads use pooled connections and see committed batches only.
/// <para>
/// Across processes: orders and alerts are upserted by version under their row locks, so the highest version wins
/// whichever process commits last; each process's marks are its own; and every transaction that changes alerts holds
/// the one feed row locked from before it numbers them until it commits, so feed sequences are committed in
/// increasing order with none skipped. A reader that has seen sequence <c>n</c> therefore never finds a change
/// numbered below <c>n</c> committed later: reading <see cref="AlertsAfterAsync"/> from the last sequence seen misses
/// nothing, in any process. Those transactions also notify the schema's channel, which every store listens on
/// (<see cref="WaitForAlertChangesAsync"/>), so each process's live feed hears of the others' changes.
/// </para>
/// </summary>
public sealed class PostgreSqlReadModelStore : IReadModelStore
{
    private readonly PostgreSqlReadModelOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly TimeProvider _time;
    private readonly string _feedChannel;
    private NpgsqlDataSource? _dataSource;
    private ReadModelWriter? _writer;
    private AlertFeedListener? _listener;

    public PostgreSqlReadModelStore(PostgreSqlReadModelOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        PostgreSqlReadModelOptionsValidator.ThrowIfInvalid(options, nameof(options));
        _options = options;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _time = timeProvider ?? TimeProvider.System;
        Name = PostgreSqlDataSources.Describe(options.ConnectionString!, options.Schema);
        _feedChannel = AlertFeedListener.Channel(options.Schema);
    }

    /// <summary>Server, database and schema as <c>host:port/database/schema</c>, without credentials.</summary>
    public string Name { get; }

    /// <summary>This process's writer id, once initialized (see <see cref="ReadModelWriter"/>).</summary>
    public long WriterId => _writer?.WriterId ?? 0;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (_dataSource is not null)
        {
            throw new InvalidOperationException("The read-model store is initialized already.");
        }

        var logger = _loggerFactory.CreateLogger<PostgreSqlReadModelStore>();
        var dataSource = PostgreSqlDataSources.Create(_options.ConnectionString!, _options.Schema, _options.CommandTimeout, _loggerFactory);
        var writer = new ReadModelWriter(dataSource, Name, _time, logger);
        try
        {
            var version = await Task.Run(
                () => SchemaMigrator.Apply(dataSource, _options.Schema, Name, ReadModelMigrations.VersionTable, ReadModelMigrations.All, _time, logger),
                cancellationToken).ConfigureAwait(false);
            await writer.StartAsync(cancellationToken).ConfigureAwait(false);
            PostgreSqlReadModelLog.Started(logger, Name, writer.WriterId, version);
        }
        catch
        {
            await writer.DisposeAsync().ConfigureAwait(false);
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        _dataSource = dataSource;
        _writer = writer;
        _listener = new AlertFeedListener(dataSource, _feedChannel, _time);
    }

    public async Task<IReadOnlyList<AlertRow>> ApplyAsync(ProjectionBatch batch, CancellationToken cancellationToken)
    {
        ReadModelChecks.ThrowIfInvalid(batch, nameof(batch));
        var writer = _writer ?? throw new InvalidOperationException("The read-model store is not initialized.");
        var connection = await writer.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        IReadOnlyList<AlertRow> changed;
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            changed = await ReadModelBatch.WriteAsync(connection, transaction, writer.WriterId, _feedChannel, batch, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        writer.Committed(batch);
        return changed;
    }

    public Task<IReadOnlyList<OrderRow>> ListOrdersAsync(OrderFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ReadModelChecks.ThrowIfInvalidLimit(filter.Limit, $"{nameof(filter)}.{nameof(filter.Limit)}");
        return ReadAsync(
            ReadModelSql.ListOrders,
            ReadModelRowReader.Order,
            cancellationToken,
            Text(filter.Stage),
            Text(filter.SlaStatus),
            Text(filter.WarehouseId),
            Text(filter.Carrier),
            new NpgsqlParameter { Value = filter.Limit });
    }

    public Task<IReadOnlyList<AlertRow>> ListAlertsAsync(AlertFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ReadModelChecks.ThrowIfInvalidLimit(filter.Limit, $"{nameof(filter)}.{nameof(filter.Limit)}");
        return ReadAsync(ReadModelSql.ListAlerts, ReadModelRowReader.Alert, cancellationToken, Text(filter.Status), new NpgsqlParameter { Value = filter.Limit });
    }

    public Task<IReadOnlyList<AlertRow>> AlertsAfterAsync(long feedSequence, int limit, CancellationToken cancellationToken)
    {
        ReadModelChecks.ThrowIfInvalidFeedSequence(feedSequence, nameof(feedSequence));
        ReadModelChecks.ThrowIfInvalidLimit(limit, nameof(limit));
        return ReadAsync(ReadModelSql.AlertsAfter, ReadModelRowReader.Alert, cancellationToken, new NpgsqlParameter { Value = feedSequence }, new NpgsqlParameter { Value = limit });
    }

    public async Task<long> LastFeedSequenceAsync(CancellationToken cancellationToken) =>
        (await ReadAsync(ReadModelSql.LastFeedSequence, r => r.GetInt64(0), cancellationToken).ConfigureAwait(false))[0];

    /// <summary>See <see cref="AlertFeedListener"/>: a notification, the first call or a reconnect, or a quiet 30 s.</summary>
    public Task WaitForAlertChangesAsync(CancellationToken cancellationToken)
    {
        var listener = _listener ?? throw new InvalidOperationException("The read-model store is not initialized.");
        return listener.WaitAsync(cancellationToken);
    }

    public Task<IReadOnlyList<string>> MarkedOrdersAsync(CancellationToken cancellationToken)
    {
        var writer = _writer ?? throw new InvalidOperationException("The read-model store is not initialized.");
        return ReadAsync(ReadModelSql.MarkedOrders, r => r.GetString(0), cancellationToken, new NpgsqlParameter { Value = writer.WriterId });
    }

    public Task<IReadOnlyList<string>> TakeOverStoppedWritersAsync(CancellationToken cancellationToken)
    {
        var writer = _writer ?? throw new InvalidOperationException("The read-model store is not initialized.");
        return writer.TakeOverStoppedWritersAsync(cancellationToken);
    }

    /// <summary>Ends this writer's session (see <see cref="ReadModelWriter.DisposeAsync"/>) and closes the pool.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_listener is { } listener)
        {
            _listener = null;
            await listener.DisposeAsync().ConfigureAwait(false);
        }

        if (_writer is { } writer)
        {
            _writer = null;
            await writer.DisposeAsync().ConfigureAwait(false);
        }

        if (_dataSource is { } dataSource)
        {
            _dataSource = null;
            await dataSource.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static NpgsqlParameter Text(string? value) => new() { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value };

    private async Task<IReadOnlyList<T>> ReadAsync<T>(string sql, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        var dataSource = _dataSource ?? throw new InvalidOperationException("The read-model store is not initialized.");
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddRange(parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
