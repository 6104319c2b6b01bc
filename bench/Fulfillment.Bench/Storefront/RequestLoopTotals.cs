namespace Fulfillment.Bench.Storefront;

/// <summary>One request loop's counts for a run; the loops' totals are added up once they have all stopped.</summary>
internal sealed class RequestLoopTotals
{
    public long Requests { get; set; }

    public long Succeeded { get; set; }

    public long Failed { get; set; }

    /// <summary>The Stopwatch time the loop's last answer arrived (0 if it sent nothing).</summary>
    public long LastAnswer { get; set; }

    public RequestOutcome? FirstFailure { get; set; }
}
