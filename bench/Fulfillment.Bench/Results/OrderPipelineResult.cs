namespace Fulfillment.Bench.Results;

/// <summary>
/// Orders driven through every stage by CloudEvents over HTTP at a fixed rate: how soon an acknowledged event shows
/// in <c>GET /api/v1/orders/{id}</c>, and how soon after its deadline a stalled order's alert reaches the alerts
/// stream.
/// </summary>
internal sealed record OrderPipelineResult(
    double EventsPerSec,
    double VisibleP99Ms,
    double AlertLagP99Ms,
    double TargetEventsPerSec,
    double Seconds,
    long Events,
    long Orders,
    long Errors,
    string? FirstError,
    double VisibleP50Ms,
    double VisibleP90Ms,
    double VisibleMaxMs,
    long VisibleSamples,
    long NotVisible,
    long Polls,
    double AlertLagP50Ms,
    double AlertLagMaxMs,
    int AlertsExpected,
    int AlertsSeen,
    int UnexpectedStallAlerts,
    double StallSeconds,
    double PostP50Ms,
    double PostP99Ms,
    int Batch,
    int Connections,
    int Window,
    int Skus,
    double BusyCores,
    double? MachineBusyCores,
    double BytesAllocatedPerEvent,
    double WarmupSeconds) : ScenarioResult
{
    public const string ScenarioName = "order-pipeline";

    public override void WriteSummary(TextWriter writer)
    {
        writer.WriteLine($"order-pipeline: {Format.Count(TargetEventsPerSec)} events/s target, {Format.Fixed(Seconds)} s, batches of {Batch} over {Connections} connections, {Format.Count(Orders)} orders in blocks of {Format.Count(Window)}, {Skus} SKUs");
        writer.WriteLine($"  throughput  {Format.Count(EventsPerSec)} events/s acknowledged ({Format.Count(Events)} events, {Errors} failed posts); post p50 {Format.Fixed(PostP50Ms, 3)} ms, p99 {Format.Fixed(PostP99Ms, 3)} ms");
        writer.WriteLine($"  visible     p50 {Format.Fixed(VisibleP50Ms, 3)}  p90 {Format.Fixed(VisibleP90Ms, 3)}  p99 {Format.Fixed(VisibleP99Ms, 3)}  max {Format.Fixed(VisibleMaxMs, 3)} ms over {Format.Count(VisibleSamples)} sampled events ({NotVisible} never seen; {Format.Count(Polls)} polls)");
        writer.WriteLine($"  alerts      {AlertsSeen} of {AlertsExpected} stalled orders alerted; lag after the {Format.Fixed(StallSeconds, 1)} s deadline p50 {Format.Fixed(AlertLagP50Ms, 1)}  p99 {Format.Fixed(AlertLagP99Ms, 1)}  max {Format.Fixed(AlertLagMaxMs, 1)} ms; {UnexpectedStallAlerts} stall alerts for orders that did not stall");
        writer.WriteLine($"  processors  {Format.Fixed(BusyCores)} of {ProcessorCount} cores busy (machine: {Format.FixedOrNa(MachineBusyCores)}), {Format.Fixed(BytesAllocatedPerEvent, 0)} B allocated/event; {Format.Fixed(WarmupSeconds, 1)} s warm-up");
    }

    public override IEnumerable<string> FailedChecks()
    {
        if (Errors > 0)
        {
            yield return $"{Errors} posts failed; the first: {FirstError}";
        }

        if (NotVisible > 0)
        {
            yield return $"{NotVisible} acknowledged events never showed in their order within 30 s.";
        }

        if (AlertsSeen < AlertsExpected)
        {
            yield return $"Only {AlertsSeen} of {AlertsExpected} stalled orders raised a pick-to-pack alert.";
        }
    }
}
