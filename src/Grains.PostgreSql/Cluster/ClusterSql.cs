namespace Grains.PostgreSql;

/// <summary>
/// The statements of the cluster store. Times are UTC ticks passed by the caller. Each change is one conditional
/// statement: under READ COMMITTED, a second claimer of a row waits for the first and then evaluates the condition
/// again on the row the first wrote, so exactly one claim wins.
/// </summary>
internal static class ClusterSql
{
    private const string SiloColumns = "silo_id, endpoint, status, started_at, heartbeat_at";

    private const string LeaseColumns = "partition, owner, expires_at, epoch";

    /// <summary>Serializes silos initializing the lease table at once; claims wait the moment it takes.</summary>
    public const string LockLeases = "LOCK TABLE partition_leases IN SHARE ROW EXCLUSIVE MODE;";

    public const string CountLeases = "SELECT COUNT(*) FROM partition_leases;";

    /// <summary>$1 partition count: a free row per partition, never claimed (epoch 0).</summary>
    public const string CreateLeases = "INSERT INTO partition_leases (partition, owner, expires_at, epoch) SELECT p, NULL, 0, 0 FROM generate_series(0, $1 - 1) AS p;";

    public const string RegisterSilo = $"""
        INSERT INTO cluster_silos ({SiloColumns}) VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (silo_id) DO UPDATE SET
            endpoint = excluded.endpoint, status = excluded.status, started_at = excluded.started_at, heartbeat_at = excluded.heartbeat_at;
        """;

    /// <summary>$1 silo, $2 status, $3 now.</summary>
    public const string Heartbeat = "UPDATE cluster_silos SET status = $2, heartbeat_at = $3 WHERE silo_id = $1;";

    /// <summary>$1 silo, $2 heartbeat-before.</summary>
    public const string MarkDead = "UPDATE cluster_silos SET status = 'dead' WHERE silo_id = $1 AND status <> 'dead' AND heartbeat_at < $2;";

    public const string ReadSilos = $"SELECT {SiloColumns} FROM cluster_silos ORDER BY silo_id COLLATE \"C\";";

    public const string ReadLeases = $"SELECT {LeaseColumns} FROM partition_leases ORDER BY partition;";

    /// <summary>$1 partition, $2 silo, $3 now, $4 expires-at: only a free or expired lease; the epoch grows by one.</summary>
    public const string Claim = $"""
        UPDATE partition_leases SET owner = $2, expires_at = $4, epoch = epoch + 1
        WHERE partition = $1 AND (owner IS NULL OR expires_at <= $3)
        RETURNING {LeaseColumns};
        """;

    /// <summary>$1 partition, $2 silo, $3 epoch, $4 expires-at: only by the owner at that epoch.</summary>
    public const string Renew = $"""
        UPDATE partition_leases SET expires_at = $4
        WHERE partition = $1 AND owner = $2 AND epoch = $3
        RETURNING {LeaseColumns};
        """;

    /// <summary>$1 partition, $2 silo, $3 epoch, $4 now: the epoch stays, the next claim raises it.</summary>
    public const string Release = "UPDATE partition_leases SET owner = NULL, expires_at = $4 WHERE partition = $1 AND owner = $2 AND epoch = $3;";
}
