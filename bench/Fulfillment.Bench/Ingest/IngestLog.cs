namespace Fulfillment.Bench.Ingest;

/// <summary>The stream log the hosted service appends to (its <c>Storage:Provider</c>).</summary>
internal enum IngestLog
{
    Sqlite,
    Memory,
    PostgreSql,
}
