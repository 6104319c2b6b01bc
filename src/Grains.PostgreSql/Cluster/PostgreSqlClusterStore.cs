using Grains.Runtime.Cluster;
using Npgsql;

namespace Grains.PostgreSql;

/// <summary>
/// The cluster store in a PostgreSQL schema the silos share: tables <c>cluster_silos</c> and <c>partition_leases</c>.
/// Every change is one conditional statement on a pooled connection, not queued behind the group-commit writers, so a
/// renewal never waits for a batch of state writes. Times are those the caller passes (its <see cref="TimeProvider"/>),
/// not the server's clock: tests drive leases with a manual clock, and silos must keep their clocks in step to well
/// within the lease safety margin.
/// </summary>
public sealed class PostgreSqlClusterStore : IClusterStore
{
    private readonly PostgreSqlDatabase _database;

    /// <summary>A store over <paramref name="database"/>, which the caller keeps open while the store is in use.</summary>
    public PostgreSqlClusterStore(PostgreSqlDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    public async Task InitializeAsync(int partitionCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(partitionCount, 1);
        await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var lockLeases = new NpgsqlCommand(ClusterSql.LockLeases, connection, transaction))
        {
            await lockLeases.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        long stored;
        await using (var count = new NpgsqlCommand(ClusterSql.CountLeases, connection, transaction))
        {
            stored = (long)(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        if (stored == 0)
        {
            await using var create = new NpgsqlCommand(ClusterSql.CreateLeases, connection, transaction);
            create.Parameters.Add(new NpgsqlParameter<int> { TypedValue = partitionCount });
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        else if (stored != partitionCount)
        {
            throw ClusterStoreErrors.PartitionCountMismatch((int)stored, partitionCount);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task RegisterSiloAsync(SiloRecord silo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(silo);
        await using var command = _database.DataSource.CreateCommand(ClusterSql.RegisterSilo);
        command.Parameters.Add(Text(silo.SiloId));
        command.Parameters.Add(Text(silo.Endpoint));
        command.Parameters.Add(Text(SiloStatusNames.ToName(silo.Status)));
        command.Parameters.Add(Ticks(silo.StartedAt));
        command.Parameters.Add(Ticks(silo.HeartbeatAt));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> HeartbeatAsync(string siloId, SiloStatus status, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var command = _database.DataSource.CreateCommand(ClusterSql.Heartbeat);
        command.Parameters.Add(Text(siloId));
        command.Parameters.Add(Text(SiloStatusNames.ToName(status)));
        command.Parameters.Add(Ticks(now));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<bool> MarkDeadAsync(string siloId, DateTimeOffset heartbeatBefore, CancellationToken cancellationToken = default)
    {
        await using var command = _database.DataSource.CreateCommand(ClusterSql.MarkDead);
        command.Parameters.Add(Text(siloId));
        command.Parameters.Add(Ticks(heartbeatBefore));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<IReadOnlyList<SiloRecord>> ReadSilosAsync(CancellationToken cancellationToken = default)
    {
        await using var command = _database.DataSource.CreateCommand(ClusterSql.ReadSilos);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var silos = new List<SiloRecord>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            silos.Add(new SiloRecord(
                reader.GetString(0),
                reader.GetString(1),
                SiloStatusNames.Parse(reader.GetString(2)),
                FromTicks(reader.GetInt64(3)),
                FromTicks(reader.GetInt64(4))));
        }

        return silos;
    }

    public async Task<IReadOnlyList<PartitionLease>> ReadLeasesAsync(CancellationToken cancellationToken = default)
    {
        await using var command = _database.DataSource.CreateCommand(ClusterSql.ReadLeases);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var leases = new List<PartitionLease>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            leases.Add(ReadLease(reader));
        }

        return leases;
    }

    public Task<PartitionLease?> TryClaimAsync(int partition, string siloId, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(siloId);
        return ChangeLeaseAsync(ClusterSql.Claim, cancellationToken, Partition(partition), Text(siloId), Ticks(now), Ticks(now + duration));
    }

    public Task<PartitionLease?> RenewAsync(int partition, string siloId, long epoch, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken = default) =>
        ChangeLeaseAsync(ClusterSql.Renew, cancellationToken, Partition(partition), Text(siloId), Epoch(epoch), Ticks(now + duration));

    public async Task<bool> ReleaseAsync(int partition, string siloId, long epoch, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var command = _database.DataSource.CreateCommand(ClusterSql.Release);
        command.Parameters.Add(Partition(partition));
        command.Parameters.Add(Text(siloId));
        command.Parameters.Add(Epoch(epoch));
        command.Parameters.Add(Ticks(now));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private async Task<PartitionLease?> ChangeLeaseAsync(string sql, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        await using var command = _database.DataSource.CreateCommand(sql);
        command.Parameters.AddRange(parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadLease(reader) : null;
    }

    private static PartitionLease ReadLease(NpgsqlDataReader reader) => new(
        reader.GetInt32(0),
        reader.IsDBNull(1) ? null : reader.GetString(1),
        FromTicks(reader.GetInt64(2)),
        reader.GetInt64(3));

    private static DateTimeOffset FromTicks(long ticks) => new(ticks, TimeSpan.Zero);

    private static NpgsqlParameter<string> Text(string value) => new() { TypedValue = value };

    private static NpgsqlParameter<long> Ticks(DateTimeOffset value) => new() { TypedValue = value.UtcTicks };

    private static NpgsqlParameter<int> Partition(int value) => new() { TypedValue = value };

    private static NpgsqlParameter<long> Epoch(long value) => new() { TypedValue = value };
}
