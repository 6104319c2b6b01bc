using Grains.Testing;

namespace Fulfillment.ReadModels.PostgreSql.Tests;

/// <summary>Looks at and ends writer sessions from outside, as a crash or a network cut would.</summary>
internal static class WriterSessions
{
    /// <summary>Terminates the server session holding the advisory lock of <paramref name="writerId"/> and waits until it is gone.</summary>
    public static async Task TerminateAsync(PostgreSqlTestSchema schema, long writerId)
    {
        // A bigint advisory key shows in pg_locks as its high half (classid) and low half (objid), with objsubid 1.
        var terminated = await schema.ExecuteScalarAsync($"""
            SELECT count(*) FILTER (WHERE pg_terminate_backend(pid, 10000)) FROM pg_locks
            WHERE locktype = 'advisory' AND objsubid = 1 AND granted
              AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND classid::bigint = {writerId >> 32} AND objid::bigint = {writerId & 0xFFFFFFFF};
            """);
        Assert.Equal(1L, terminated);
    }

    /// <summary>The writer ids registered in the schema, in order.</summary>
    public static async Task<string> WritersAsync(PostgreSqlTestSchema schema) =>
        (string)(await schema.ExecuteScalarAsync("SELECT COALESCE(string_agg(writer_id::text, ' ' ORDER BY writer_id), '') FROM rm_writers;"))!;

    /// <summary>Writer ids as <see cref="WritersAsync"/> lists them.</summary>
    public static string Ids(params long[] writerIds) => string.Join(' ', writerIds.Order());
}
