namespace Fulfillment.Bench.Results;

/// <summary>
/// The stream substrate without HTTP and without the domain: appenders writing batches straight to a stream log while
/// the silo's pulling agents deliver every event to a counting subscriber grain, then one reader catching up on the
/// whole log.
/// </summary>
internal sealed record StreamLogResult(
    string Log,
    double AppendEventsPerSec,
    double AppliedEventsPerSec,
    double AppendP50Ms,
    double AppendP99Ms,
    double ReadEventsPerSec,
    int Appenders,
    int Batch,
    int BodyBytes,
    int Keys,
    int Partitions,
    double Seconds,
    long Events,
    double DrainMs,
    long ReadEvents,
    long Commits,
    double MeanWritesPerCommit,
    double MeanCommitMs,
    double BusyCores,
    double? MachineBusyCores,
    double BytesAllocatedPerEvent,
    double WarmupSeconds,
    long Redelivered,
    long OutOfOrder) : ScenarioResult
{
    public const string ScenarioName = "stream-log";

    public override void WriteSummary(TextWriter writer)
    {
        writer.WriteLine($"stream-log: log {Log}, {Appenders} appenders, batches of {Batch} ({BodyBytes} B bodies), {Format.Count(Keys)} keys over {Partitions} partitions, {Format.Fixed(Seconds)} s");
        writer.WriteLine($"  append      {Format.Count(AppendEventsPerSec)} events/s acknowledged; append p50 {Format.Fixed(AppendP50Ms, 3)} ms, p99 {Format.Fixed(AppendP99Ms, 3)} ms");
        writer.WriteLine($"  delivered   {Format.Count(AppliedEventsPerSec)} events/s applied by the subscriber ({Format.Count(Events)} events, drain after the last ack {Format.Fixed(DrainMs, 1)} ms)");
        writer.WriteLine($"  read back   {Format.Count(ReadEventsPerSec)} events/s ({Format.Count(ReadEvents)} events, every partition from its start)");
        writer.WriteLine($"  commits     {Format.Count(Commits)} ({Format.Fixed(MeanWritesPerCommit, 1)} writes/commit, {Format.Fixed(MeanCommitMs, 3)} ms/commit)");
        writer.WriteLine($"  processors  {Format.Fixed(BusyCores)} of {ProcessorCount} cores busy (machine: {Format.FixedOrNa(MachineBusyCores)}), {Format.Fixed(BytesAllocatedPerEvent, 0)} B allocated/event; {Format.Fixed(WarmupSeconds, 1)} s warm-up");
        writer.WriteLine($"  checks      applied twice {Redelivered}, out of key order {OutOfOrder}");
    }

    public override IEnumerable<string> FailedChecks()
    {
        if (ReadEvents < Events)
        {
            yield return $"Reading the log back returned {ReadEvents} events, fewer than the {Events} appended in the measured window.";
        }

        if (OutOfOrder > 0)
        {
            yield return $"{OutOfOrder} events reached their key's subscriber out of log order.";
        }
    }
}
