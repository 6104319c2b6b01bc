namespace Fulfillment.Bench.Results;

/// <summary>
/// Reservations over HTTP against one SKU with durable SQLite storage. The burst: <see cref="Clients"/> clients at
/// once, 1 unit each, against <see cref="Stock"/> on hand; exactly that many held, the rest refused, none oversold, ATP
/// 0 after. The sustained phase: concurrent clients reserving 1 unit each of one hot SKU with stock for the whole
/// run, every success a durable hold.
/// </summary>
internal sealed record ReserveContentionResult(
    int Held,
    int Refused,
    int Oversold,
    double ReservationsPerSec,
    int Clients,
    int Stock,
    int BurstFailed,
    string? FirstBurstError,
    int AtpAvailable,
    int AtpReserved,
    double BurstMs,
    double BurstP50Ms,
    double BurstP99Ms,
    double Seconds,
    int Connections,
    long SustainedHeld,
    long SustainedFailed,
    string? FirstSustainedError,
    int SustainedReserved,
    double P50Ms,
    double P90Ms,
    double P99Ms,
    double P999Ms,
    double MaxMs,
    IReadOnlyList<double> SliceReservationsPerSec,
    long Commits,
    double MeanWritesPerCommit,
    double MeanCommitMs,
    double BusyCores,
    double? MachineBusyCores,
    double BytesAllocatedPerReservation,
    int GcGen0,
    int GcGen1,
    int GcGen2,
    double GcPauseMs,
    double WarmupSeconds) : ScenarioResult
{
    public const string ScenarioName = "reserve-contention";

    private int ExpectedHeld => Math.Min(Stock, Clients);

    public override void WriteSummary(TextWriter writer)
    {
        writer.WriteLine($"reserve-contention: burst of {Format.Count(Clients)} clients for 1 unit each of a SKU with {Format.Count(Stock)} on hand; then {Connections} clients on one hot SKU for {Format.Fixed(Seconds)} s");
        writer.WriteLine($"  burst       held {Held}, refused {Refused}, oversold {Oversold}, failed {BurstFailed}; ATP after: available {AtpAvailable}, reserved {AtpReserved}");
        writer.WriteLine($"  burst ms    all answered in {Format.Fixed(BurstMs, 1)}; request p50 {Format.Fixed(BurstP50Ms, 3)} p99 {Format.Fixed(BurstP99Ms, 3)}");
        writer.WriteLine($"  sustained   {Format.Count(ReservationsPerSec)} durable reservations/s ({Format.Count(SustainedHeld)} held, {SustainedFailed} failed; ATP reserved {Format.Count(SustainedReserved)})");
        writer.WriteLine($"  per slice   {string.Join(" ", SliceReservationsPerSec.Select(r => Format.Count(r)))} reservations/s");
        writer.WriteLine($"  latency ms  p50 {Format.Fixed(P50Ms, 3)}  p90 {Format.Fixed(P90Ms, 3)}  p99 {Format.Fixed(P99Ms, 3)}  p99.9 {Format.Fixed(P999Ms, 3)}  max {Format.Fixed(MaxMs, 3)}");
        writer.WriteLine($"  commits     {Format.Count(Commits)} ({Format.Fixed(MeanWritesPerCommit, 1)} writes/commit, {Format.Fixed(MeanCommitMs, 3)} ms/commit)");
        writer.WriteLine($"  processors  {Format.Fixed(BusyCores)} of {ProcessorCount} cores busy (machine: {Format.FixedOrNa(MachineBusyCores)}), {Format.Fixed(BytesAllocatedPerReservation, 0)} B allocated/reservation; gc gen0 {GcGen0}, gen1 {GcGen1}, gen2 {GcGen2}, paused {Format.Fixed(GcPauseMs)} ms, server gc {GcServer}; warm-up {Format.Fixed(WarmupSeconds, 1)} s");
    }

    public override IEnumerable<string> FailedChecks()
    {
        if (Held != ExpectedHeld || Refused != Clients - ExpectedHeld)
        {
            yield return $"the burst held {Held} and refused {Refused}; exactly {ExpectedHeld} held and {Clients - ExpectedHeld} refused were expected.";
        }

        if (Oversold > 0)
        {
            yield return $"{Oversold} units were oversold.";
        }

        if (BurstFailed > 0)
        {
            yield return $"{BurstFailed} burst requests were neither 201 nor a 409 for short stock; the first: {FirstBurstError}";
        }

        if (AtpAvailable != Stock - ExpectedHeld || AtpReserved != Held)
        {
            yield return $"ATP after the burst shows {AtpAvailable} available and {AtpReserved} reserved; {Stock - ExpectedHeld} and {Held} were expected.";
        }

        if (SustainedFailed > 0)
        {
            yield return $"{SustainedFailed} sustained reservations were not 201; the first: {FirstSustainedError}";
        }

        if (SustainedReserved != SustainedHeld)
        {
            yield return $"ATP of the hot SKU shows {SustainedReserved} reserved after {SustainedHeld} holds were acknowledged.";
        }
    }
}
