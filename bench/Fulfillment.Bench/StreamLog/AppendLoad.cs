using System.Diagnostics;
using System.Globalization;
using System.Text;
using Fulfillment.Bench.Ingest;
using Fulfillment.Bench.Measurement;
using Fulfillment.Contracts;
using Grains.Streams;

namespace Fulfillment.Bench.StreamLog;

/// <summary>
/// Concurrent appenders writing batches straight to a stream log, as the ingestion endpoint does after it parsed a
/// request: event n has the id <c>bench:evt-{n}</c> (so <see cref="IngestProbe"/> recognises it), a key drawn from a
/// fixed set of order keys and a fixed body. Every append is timed from call to acknowledgement (durable commit).
/// </summary>
internal sealed class AppendLoad
{
    private readonly IStreamLog _log;
    private readonly IngestProbe _probe;
    private readonly string[] _keys;
    private readonly ReadOnlyMemory<byte> _body;
    private readonly int _appenders;
    private readonly int _batchSize;
    private long _nextBatch;

    public AppendLoad(IStreamLog log, IngestProbe probe, int appenders, int batchSize, int keyCount, int bodyBytes)
    {
        _log = log;
        _probe = probe;
        _appenders = appenders;
        _batchSize = batchSize;
        _keys = [.. Enumerable.Range(0, keyCount).Select(i => $"order-{i:D7}")];
        _body = Body(bodyBytes);
    }

    /// <summary>Events appended so far; the probe expects exactly these.</summary>
    public long Appended { get; private set; }

    public async Task<AppendWindow> RunAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        var schedule = new LoadSchedule(_nextBatch, Stopwatch.GetTimestamp(), duration, null);
        var recorders = new LatencyRecorder[_appenders];
        var loops = new Task<long>[_appenders];
        for (var i = 0; i < loops.Length; i++)
        {
            var recorder = recorders[i] = new LatencyRecorder();
            loops[i] = Task.Run(() => LoopAsync(schedule, recorder, cancellationToken), CancellationToken.None);
        }

        var events = (await Task.WhenAll(loops).ConfigureAwait(false)).Sum();
        var lastAck = Stopwatch.GetTimestamp();
        _nextBatch = schedule.End;
        Appended += events;
        return new AppendWindow(schedule.Started, lastAck, events, LatencyDistribution.Merge(recorders));
    }

    private async Task<long> LoopAsync(LoadSchedule schedule, LatencyRecorder recorder, CancellationToken cancellationToken)
    {
        var batch = new StreamEventData[_batchSize];
        long events = 0;
        while (schedule.TryTake(out var number, out _))
        {
            var first = number * _batchSize;
            _probe.Reserve(first + _batchSize);
            for (var i = 0; i < batch.Length; i++)
            {
                var n = first + i;
                batch[i] = new StreamEventData(FulfillmentStreams.Orders, _keys[KeyIndex(n)], string.Create(CultureInfo.InvariantCulture, $"bench:{IngestProbe.IdPrefix}{n}"), _body);
            }

            var sent = Stopwatch.GetTimestamp();
            var result = await _log.AppendAsync(batch, cancellationToken).ConfigureAwait(false);
            recorder.Record(Stopwatch.GetTimestamp() - sent);
            events += result.Appended.Count;
        }

        return events;
    }

    // A multiplicative hash spreads consecutive events over the keys (and so over the partitions), as real traffic does.
    private int KeyIndex(long n) => (int)((ulong)(n * unchecked((long)0x9E3779B97F4A7C15)) % (ulong)_keys.Length);

    private static ReadOnlyMemory<byte> Body(int bytes)
    {
        var prefix = "{\"orderId\":\"order-0000000\",\"note\":\""u8;
        var body = new byte[Math.Max(bytes, prefix.Length + 2)];
        prefix.CopyTo(body);
        body.AsSpan(prefix.Length, body.Length - prefix.Length - 2).Fill((byte)'x');
        Encoding.UTF8.GetBytes("\"}").CopyTo(body, body.Length - 2);
        return body;
    }
}
