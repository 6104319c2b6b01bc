using System.Diagnostics;
using Grains.Streams;

namespace Fulfillment.Bench.StreamLog;

/// <summary>Reads every partition of a log from its first event to its last, as a consumer catching up does.</summary>
internal static class ReadBack
{
    /// <summary>Returns the events read and how long it took.</summary>
    public static async Task<(long Events, TimeSpan Elapsed)> RunAsync(IStreamLog log, int batchSize, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        long events = 0;
        for (var partition = 0; partition < log.PartitionCount; partition++)
        {
            var next = 1L;
            while (true)
            {
                var read = await log.ReadAsync(partition, next, batchSize, cancellationToken).ConfigureAwait(false);
                if (read.Count == 0)
                {
                    break;
                }

                events += read.Count;
                next = read[^1].SequenceNumber + 1;
            }
        }

        return (events, Stopwatch.GetElapsedTime(started));
    }
}
