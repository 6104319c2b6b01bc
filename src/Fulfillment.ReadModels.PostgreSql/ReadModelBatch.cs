using Npgsql;

namespace Fulfillment.ReadModels.PostgreSql;

/// <summary>
/// One projection batch as one <see cref="NpgsqlBatch"/> (one round trip): unmarks, marks, the orders' upsert and,
/// when the batch has alerts, the feed lock and the alerts' upsert. Rows go as column arrays, so a statement's size
/// does not grow with the batch.
/// </summary>
internal static class ReadModelBatch
{
    /// <summary>Writes <paramref name="batch"/> in <paramref name="transaction"/>; returns the alerts that changed with their feed sequences, in feed order.</summary>
    public static async Task<IReadOnlyList<AlertRow>> WriteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long writerId, string feedChannel, ProjectionBatch batch, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlBatch(connection, transaction);
        if (batch.Unmark.Count > 0)
        {
            command.BatchCommands.Add(Command(ReadModelSql.Unmark, writerId, batch.Unmark.ToArray()));
        }

        if (batch.Mark.Count > 0)
        {
            command.BatchCommands.Add(Command(ReadModelSql.Mark, writerId, batch.Mark.Order(StringComparer.Ordinal).ToArray()));
        }

        if (batch.Orders.Count > 0)
        {
            command.BatchCommands.Add(UpsertOrders(batch.Orders));
        }

        if (batch.Alerts.Count == 0)
        {
            if (command.BatchCommands.Count > 0)
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return [];
        }

        command.BatchCommands.Add(Command(ReadModelSql.LockFeed));
        command.BatchCommands.Add(UpsertAlerts(batch.Alerts, feedChannel));
        var sequences = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            // The feed lock's row comes first; the upsert's changed alerts last.
            do
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (reader.GetName(0) == ReadModelSql.ChangedAlertColumn)
                    {
                        sequences.Add(reader.GetString(0), reader.GetInt64(1));
                    }
                }
            }
            while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false));
        }

        return [.. batch.Alerts
            .Where(a => sequences.ContainsKey(a.AlertId))
            .Select(a => a with { FeedSequence = sequences[a.AlertId] })
            .OrderBy(a => a.FeedSequence)];
    }

    private static NpgsqlBatchCommand UpsertOrders(IReadOnlyList<OrderRow> orders)
    {
        var sorted = orders.OrderBy(o => o.OrderId, StringComparer.Ordinal).ToArray();
        return Command(
            ReadModelSql.UpsertOrders,
            sorted.Select(o => o.OrderId).ToArray(),
            sorted.Select(o => o.Version).ToArray(),
            sorted.Select(o => o.CustomerId).ToArray(),
            sorted.Select(o => o.Stage).ToArray(),
            sorted.Select(o => o.WarehouseId).ToArray(),
            sorted.Select(o => o.Carrier).ToArray(),
            sorted.Select(o => o.TrackingNumber).ToArray(),
            sorted.Select(o => o.PromisedDeliveryAt.UtcTicks).ToArray(),
            sorted.Select(o => o.SlaStatus).ToArray(),
            sorted.Select(o => o.PickToPackMinutes).ToArray(),
            sorted.Select(o => o.LabelToScanMinutes).ToArray(),
            sorted.Select(o => o.UpdatedAt.UtcTicks).ToArray());
    }

    /// <summary>In batch order: the order the changed alerts are numbered in.</summary>
    private static NpgsqlBatchCommand UpsertAlerts(IReadOnlyList<AlertRow> alerts, string feedChannel) => Command(
        ReadModelSql.UpsertAlerts,
        alerts.Select(a => a.AlertId).ToArray(),
        alerts.Select(a => a.Version).ToArray(),
        alerts.Select(a => a.OrderId).ToArray(),
        alerts.Select(a => a.Kind).ToArray(),
        alerts.Select(a => a.Status).ToArray(),
        alerts.Select(a => a.RaisedAt.UtcTicks).ToArray(),
        alerts.Select(a => a.ResolvedAt?.UtcTicks).ToArray(),
        alerts.Select(a => a.DueAt.UtcTicks).ToArray(),
        alerts.Select(a => a.WarehouseId).ToArray(),
        alerts.Select(a => a.Carrier).ToArray(),
        feedChannel);

    private static NpgsqlBatchCommand Command(string sql, params object[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return command;
    }
}
