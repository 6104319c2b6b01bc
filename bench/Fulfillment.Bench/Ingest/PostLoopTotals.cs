namespace Fulfillment.Bench.Ingest;

/// <summary>One posting loop's counts for a phase; the loops' totals are summed once they have all stopped.</summary>
internal sealed class PostLoopTotals
{
    public long Requests { get; set; }

    public long Acknowledged { get; set; }

    public long Accepted { get; set; }

    public long Duplicates { get; set; }

    public long Errors { get; set; }

    public long BodyBytes { get; set; }

    public long LastAck { get; set; }
}
