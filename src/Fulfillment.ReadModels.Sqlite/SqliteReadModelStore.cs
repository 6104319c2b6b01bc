using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Fulfillment.ReadModels.Sqlite;

/// <summary>
/// The read models in a SQLite file of their own (WAL): one writer connection used only by the projector, and a pooled
/// connection per read, so lists are answered while a batch is written and see committed batches only. A file apart
/// from the grains' database keeps the projector's commits out of the grains' write queue (SQLite has one writer per
/// file); the file must be kept (and backed up) with that database, as its marks say which orders to project again.
/// </summary>
public sealed class SqliteReadModelStore : IReadModelStore
{
    private static readonly string[] OrderParameters =
        ["$id", "$version", "$customer", "$stage", "$warehouse", "$carrier", "$tracking", "$promise", "$sla", "$pickToPack", "$labelToScan", "$updated"];

    private static readonly string[] AlertParameters =
        ["$id", "$version", "$order", "$kind", "$status", "$raised", "$resolved", "$due", "$warehouse", "$carrier", "$sequence"];

    private readonly SqliteReadModelOptions _options;
    private readonly string _connectionString;
    private SqliteConnection? _writer;
    private long _lastFeedSequence;

    public SqliteReadModelStore(SqliteReadModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        DataSource = Path.GetFullPath(options.DataSource);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = DataSource, Mode = SqliteOpenMode.ReadWriteCreate, DefaultTimeout = 5 }.ToString();
    }

    /// <summary>The full path of the database file.</summary>
    public string DataSource { get; }

    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (Path.GetDirectoryName(DataSource) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        _writer = new SqliteConnection(_connectionString);
        _writer.Open();
        Execute(_writer, $"PRAGMA journal_mode = WAL; PRAGMA synchronous = {(_options.FullSync ? "FULL" : "NORMAL")}; PRAGMA busy_timeout = 5000;");
        Execute(_writer, SqliteReadModelSchema.Create);
        using var last = _writer.CreateCommand();
        last.CommandText = SqliteReadModelSchema.LastFeedSequence;
        _lastFeedSequence = Convert.ToInt64(last.ExecuteScalar(), CultureInfo.InvariantCulture);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AlertRow>> ApplyAsync(ProjectionBatch batch, CancellationToken cancellationToken)
    {
        ReadModelChecks.ThrowIfInvalid(batch, nameof(batch));
        var writer = _writer ?? throw new InvalidOperationException("The read-model store is not initialized.");
        var sequence = _lastFeedSequence;
        var changed = new List<AlertRow>();
        using var transaction = writer.BeginTransaction();
        try
        {
            ForEach(writer, transaction, SqliteReadModelSchema.Unmark, batch.Unmark, (c, id) => c.Parameters["$id"].Value = id, "$id");
            ForEach(writer, transaction, SqliteReadModelSchema.Mark, batch.Mark, (c, id) => c.Parameters["$id"].Value = id, "$id");
            ForEach(writer, transaction, SqliteReadModelSchema.UpsertOrder, batch.Orders, BindOrder, OrderParameters);
            using (var upsert = Command(writer, transaction, SqliteReadModelSchema.UpsertAlert, AlertParameters))
            {
                foreach (var alert in batch.Alerts)
                {
                    BindAlert(upsert, alert, sequence + 1);
                    if (upsert.ExecuteNonQuery() == 1)
                    {
                        changed.Add(alert with { FeedSequence = ++sequence });
                    }
                }
            }

            transaction.Commit();
        }
        catch
        {
            transaction.Rollback();
            throw;
        }

        _lastFeedSequence = sequence;
        return Task.FromResult<IReadOnlyList<AlertRow>>(changed);
    }

    public Task<IReadOnlyList<OrderRow>> ListOrdersAsync(OrderFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ReadModelChecks.ThrowIfInvalidLimit(filter.Limit, $"{nameof(filter)}.{nameof(filter.Limit)}");
        var sql = new StringBuilder(ReadModelRowReader.OrderSelect);
        var conditions = new List<(string Column, string Value)>();
        Add(conditions, "stage", filter.Stage);
        Add(conditions, "sla_status", filter.SlaStatus);
        Add(conditions, "warehouse_id", filter.WarehouseId);
        Add(conditions, "carrier", filter.Carrier);
        Where(sql, conditions);
        sql.Append(" ORDER BY updated_at DESC, order_id LIMIT $limit;");
        return Task.FromResult(ReadFiltered(sql.ToString(), conditions, filter.Limit, ReadModelRowReader.Order));
    }

    public Task<IReadOnlyList<AlertRow>> ListAlertsAsync(AlertFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ReadModelChecks.ThrowIfInvalidLimit(filter.Limit, $"{nameof(filter)}.{nameof(filter.Limit)}");
        var sql = new StringBuilder(ReadModelRowReader.AlertSelect);
        var conditions = new List<(string Column, string Value)>();
        Add(conditions, "status", filter.Status);
        Where(sql, conditions);
        sql.Append(" ORDER BY raised_at DESC, alert_id LIMIT $limit;");
        return Task.FromResult(ReadFiltered(sql.ToString(), conditions, filter.Limit, ReadModelRowReader.Alert));
    }

    public Task<IReadOnlyList<AlertRow>> AlertsAfterAsync(long feedSequence, int limit, CancellationToken cancellationToken)
    {
        ReadModelChecks.ThrowIfInvalidFeedSequence(feedSequence, nameof(feedSequence));
        ReadModelChecks.ThrowIfInvalidLimit(limit, nameof(limit));
        var sql = ReadModelRowReader.AlertSelect + " WHERE feed_sequence > $after ORDER BY feed_sequence LIMIT $limit;";
        return Task.FromResult<IReadOnlyList<AlertRow>>(Read(sql, [("$after", feedSequence)], limit, ReadModelRowReader.Alert));
    }

    public Task<IReadOnlyList<string>> MarkedOrdersAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(Read(SqliteReadModelSchema.MarkedOrders, [], limit: null, r => r.GetString(0)));

    public Task<long> LastFeedSequenceAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Read(SqliteReadModelSchema.LastFeedSequence, [], limit: null, r => r.GetInt64(0))[0]);

    /// <summary>Never completes (until canceled): this process's projector is the file's only writer, and publishes what it commits.</summary>
    public Task WaitForAlertChangesAsync(CancellationToken cancellationToken) => Task.Delay(Timeout.Infinite, cancellationToken);

    /// <summary>None: the file has one writer at a time, and a store reopening it holds every mark its predecessor left.</summary>
    public Task<IReadOnlyList<string>> TakeOverStoppedWritersAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    public ValueTask DisposeAsync()
    {
        _writer?.Dispose();
        _writer = null;
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        if (_options.DeleteOnDispose)
        {
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(DataSource + suffix);
            }
        }

        return ValueTask.CompletedTask;
    }

    private static void BindOrder(SqliteCommand command, OrderRow order)
    {
        var p = command.Parameters;
        p["$id"].Value = order.OrderId;
        p["$version"].Value = order.Version;
        p["$customer"].Value = order.CustomerId;
        p["$stage"].Value = order.Stage;
        p["$warehouse"].Value = (object?)order.WarehouseId ?? DBNull.Value;
        p["$carrier"].Value = (object?)order.Carrier ?? DBNull.Value;
        p["$tracking"].Value = (object?)order.TrackingNumber ?? DBNull.Value;
        p["$promise"].Value = order.PromisedDeliveryAt.UtcTicks;
        p["$sla"].Value = order.SlaStatus;
        p["$pickToPack"].Value = (object?)order.PickToPackMinutes ?? DBNull.Value;
        p["$labelToScan"].Value = (object?)order.LabelToScanMinutes ?? DBNull.Value;
        p["$updated"].Value = order.UpdatedAt.UtcTicks;
    }

    private static void BindAlert(SqliteCommand command, AlertRow alert, long sequence)
    {
        var p = command.Parameters;
        p["$id"].Value = alert.AlertId;
        p["$version"].Value = alert.Version;
        p["$order"].Value = alert.OrderId;
        p["$kind"].Value = alert.Kind;
        p["$status"].Value = alert.Status;
        p["$raised"].Value = alert.RaisedAt.UtcTicks;
        p["$resolved"].Value = (object?)alert.ResolvedAt?.UtcTicks ?? DBNull.Value;
        p["$due"].Value = alert.DueAt.UtcTicks;
        p["$warehouse"].Value = (object?)alert.WarehouseId ?? DBNull.Value;
        p["$carrier"].Value = (object?)alert.Carrier ?? DBNull.Value;
        p["$sequence"].Value = sequence;
    }

    private static void Add(List<(string Column, string Value)> conditions, string column, string? value)
    {
        if (value is not null)
        {
            conditions.Add((column, value));
        }
    }

    private static void Where(StringBuilder sql, List<(string Column, string Value)> conditions)
    {
        for (var i = 0; i < conditions.Count; i++)
        {
            sql.Append(i == 0 ? " WHERE " : " AND ").Append(conditions[i].Column).Append(" = $").Append(conditions[i].Column);
        }
    }

    private IReadOnlyList<T> ReadFiltered<T>(string sql, List<(string Column, string Value)> conditions, int limit, Func<SqliteDataReader, T> read) =>
        Read(sql, [.. conditions.Select(c => ("$" + c.Column, (object)c.Value))], limit, read);

    private List<T> Read<T>(string sql, (string Name, object Value)[] parameters, int? limit, Func<SqliteDataReader, T> read)
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        if (limit is { } take)
        {
            command.Parameters.AddWithValue("$limit", take);
        }

        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private static void ForEach<T>(
        SqliteConnection connection, SqliteTransaction transaction, string sql, IEnumerable<T> rows, Action<SqliteCommand, T> bind, params string[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        foreach (var row in rows)
        {
            bind(command, row);
            command.ExecuteNonQuery();
        }
    }
}
