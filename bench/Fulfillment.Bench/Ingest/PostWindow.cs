using Fulfillment.Bench.Measurement;

namespace Fulfillment.Bench.Ingest;

/// <summary>
/// What the posting loops did in one phase: batches <see cref="FirstBatch"/> up to (not including)
/// <see cref="EndBatch"/>, the Stopwatch time the first post started and the last answer came, the 202 counts, the
/// requests that failed, and each request's round trip (which includes the durable append).
/// </summary>
internal sealed record PostWindow(
    long FirstBatch,
    long EndBatch,
    long Started,
    long LastAck,
    long Requests,
    long Acknowledged,
    long Accepted,
    long Duplicates,
    long Errors,
    long BodyBytes,
    LatencyDistribution RequestLatency);
