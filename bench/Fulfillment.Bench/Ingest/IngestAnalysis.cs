using Fulfillment.Bench.Measurement;

namespace Fulfillment.Bench.Ingest;

/// <summary>Joins what the posting loops recorded (batch acknowledgements) with what the grains recorded (event applications).</summary>
internal static class IngestAnalysis
{
    public static AppliedSpan Applied(PostWindow window, IngestLoad load, IngestProbe probe)
    {
        long applied = 0, last = 0, unapplied = 0;
        for (var batch = window.FirstBatch; batch < window.EndBatch; batch++)
        {
            var acknowledged = load.AckedAt(batch) != 0;
            for (var n = batch * load.BatchSize; n < (batch + 1) * load.BatchSize; n++)
            {
                var at = probe.AppliedAt(n);
                if (at == 0)
                {
                    unapplied += acknowledged ? 1 : 0;
                    continue;
                }

                applied++;
                last = Math.Max(last, at);
            }
        }

        return new AppliedSpan(applied, last, unapplied);
    }

    /// <summary>
    /// Per acknowledged event, applied time minus its batch's 202 time. An event can be applied before the 202 reaches
    /// the client (the log wakes its readers as the append commits); those count as 0 and are returned separately.
    /// </summary>
    public static (LatencyDistribution Latency, long AppliedBeforeAck) AckToApplied(PostWindow window, IngestLoad load, IngestProbe probe)
    {
        var recorder = new LatencyRecorder();
        long beforeAck = 0;
        for (var batch = window.FirstBatch; batch < window.EndBatch; batch++)
        {
            var acked = load.AckedAt(batch);
            if (acked == 0)
            {
                continue;
            }

            for (var n = batch * load.BatchSize; n < (batch + 1) * load.BatchSize; n++)
            {
                var at = probe.AppliedAt(n);
                if (at == 0)
                {
                    continue;
                }

                if (at < acked)
                {
                    beforeAck++;
                }

                recorder.Record(Math.Max(0, at - acked));
            }
        }

        return (LatencyDistribution.Merge([recorder]), beforeAck);
    }
}
