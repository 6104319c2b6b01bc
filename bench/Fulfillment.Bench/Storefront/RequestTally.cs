using System.Diagnostics;
using Fulfillment.Bench.Measurement;

namespace Fulfillment.Bench.Storefront;

/// <summary>
/// What one or more runs of a <see cref="RequestLoad"/> against one target added up to: requests, successes, failures,
/// the time the runs took (each from its start to its last answer), every request's round trip and, when paced, how
/// late each was sent.
/// </summary>
internal sealed class RequestTally
{
    private readonly List<LatencyRecorder> _roundTrips = [];
    private readonly List<LatencyRecorder> _sendDelays = [];

    public long Requests { get; private set; }

    public long Succeeded { get; private set; }

    public long Failed { get; private set; }

    public TimeSpan Elapsed { get; private set; }

    public RequestOutcome? FirstFailure { get; private set; }

    public double SucceededPerSecond => Elapsed > TimeSpan.Zero ? Succeeded / Elapsed.TotalSeconds : 0;

    /// <summary>Send to the end of the answer, of every request.</summary>
    public LatencyDistribution RoundTrips() => LatencyDistribution.Merge(_roundTrips);

    /// <summary>How long after its due time each paced request was sent (empty for flat-out runs).</summary>
    public LatencyDistribution SendDelays() => LatencyDistribution.Merge(_sendDelays);

    internal void Add(long started, IReadOnlyList<RequestLoopTotals> loops, IEnumerable<LatencyRecorder> roundTrips, IEnumerable<LatencyRecorder> sendDelays)
    {
        Requests += loops.Sum(l => l.Requests);
        Succeeded += loops.Sum(l => l.Succeeded);
        Failed += loops.Sum(l => l.Failed);
        var lastAnswer = loops.Max(l => l.LastAnswer);
        if (lastAnswer > started)
        {
            Elapsed += Stopwatch.GetElapsedTime(started, lastAnswer);
        }

        FirstFailure ??= loops.Select(l => l.FirstFailure).FirstOrDefault(f => f is not null);
        _roundTrips.AddRange(roundTrips);
        _sendDelays.AddRange(sendDelays);
    }
}
