namespace Fulfillment.Bench.Results;

/// <summary>
/// <c>GET /api/v1/atp/{sku}</c> over HTTP against <c>GET /health/live</c>, the floor of the HTTP stack, both flat out on
/// the same connections in alternating slices (peak rates and their ratio); then ATP paced at half its peak rate for
/// its latency.
/// </summary>
internal sealed record AtpHttpResult(
    double AtpRps,
    double HealthRps,
    double Ratio,
    double P99Ms,
    double P50Ms,
    double P90Ms,
    double P999Ms,
    double MaxMs,
    double PacedTargetRps,
    double PacedRps,
    double PacedSendDelayP99Ms,
    double AtpPeakP50Ms,
    double AtpPeakP99Ms,
    double HealthPeakP50Ms,
    double HealthPeakP99Ms,
    long AtpRequests,
    long HealthRequests,
    long PacedRequests,
    long Errors,
    string? FirstError,
    int Skus,
    int Warehouses,
    int Connections,
    int PacedConnections,
    double Seconds,
    int Rounds,
    double BusyCores,
    double? MachineBusyCores,
    double PacedBusyCores,
    double? PacedMachineBusyCores,
    double WarmupSeconds) : ScenarioResult
{
    public const string ScenarioName = "atp-http";

    public override void WriteSummary(TextWriter writer)
    {
        writer.WriteLine($"atp-http: {Connections} connections, {Format.Count(Skus)} SKUs in {Warehouses} warehouses, {Format.Fixed(Seconds)} s per endpoint in {Rounds} alternating rounds");
        writer.WriteLine($"  peak        ATP {Format.Count(AtpRps)} req/s, health {Format.Count(HealthRps)} req/s, ratio {Format.Fixed(Ratio, 3)}");
        writer.WriteLine($"  peak ms     ATP p50 {Format.Fixed(AtpPeakP50Ms, 3)} p99 {Format.Fixed(AtpPeakP99Ms, 3)}; health p50 {Format.Fixed(HealthPeakP50Ms, 3)} p99 {Format.Fixed(HealthPeakP99Ms, 3)}");
        writer.WriteLine($"  processors  {Format.Fixed(BusyCores)} of {ProcessorCount} cores busy at peak (machine: {Format.FixedOrNa(MachineBusyCores)}), server gc {GcServer}, warm-up {Format.Fixed(WarmupSeconds, 1)} s");
        writer.WriteLine($"  paced       {Format.Count(PacedRps)} req/s (target {Format.Count(PacedTargetRps)}) from {PacedConnections} loops, sent late p99 {Format.Fixed(PacedSendDelayP99Ms, 3)} ms; {Format.Fixed(PacedBusyCores)} cores busy (machine: {Format.FixedOrNa(PacedMachineBusyCores)})");
        writer.WriteLine($"  ATP ms      p50 {Format.Fixed(P50Ms, 3)}  p90 {Format.Fixed(P90Ms, 3)}  p99 {Format.Fixed(P99Ms, 3)}  p99.9 {Format.Fixed(P999Ms, 3)}  max {Format.Fixed(MaxMs, 3)} over {Format.Count(PacedRequests)} paced requests");
        writer.WriteLine($"  checks      errors {Errors}{(FirstError is null ? string.Empty : $" (first: {FirstError})")}");
    }

    public override IEnumerable<string> FailedChecks()
    {
        if (Errors > 0)
        {
            yield return $"{Errors} requests were not answered 200; the first: {FirstError}";
        }
    }
}
