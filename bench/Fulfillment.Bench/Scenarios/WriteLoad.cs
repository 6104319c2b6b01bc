using System.Diagnostics;
using Fulfillment.Bench.Grains;
using Fulfillment.Bench.Measurement;

namespace Fulfillment.Bench.Scenarios;

/// <summary>
/// Writer loops that run from construction until a window has been measured: each calls random grains one write at a
/// time, counting completions and, while the window is open, recording each call's latency.
/// </summary>
internal sealed class WriteLoad
{
    private readonly IStateWriteGrain[] _grains;
    private readonly StripedCounters _writes;
    private readonly StripedCounters _errors;
    private readonly LatencyRecorder[] _recorders;
    private readonly StopSignal _stop = new();
    private readonly Task[] _writers;
    private readonly TextWriter _progress;
    private volatile bool _recording;
    private int _errorReported;

    public WriteLoad(IStateWriteGrain[] grains, int writerCount, TextWriter progress)
    {
        _grains = grains;
        _progress = progress;
        _writes = new StripedCounters(writerCount);
        _errors = new StripedCounters(writerCount);
        _recorders = new LatencyRecorder[writerCount];
        _writers = new Task[writerCount];
        for (var i = 0; i < writerCount; i++)
        {
            var writer = i;
            _recorders[writer] = new LatencyRecorder();
            _writers[writer] = Task.Run(() => WriteLoopAsync(writer), CancellationToken.None);
        }
    }

    /// <summary>
    /// Measures one window of <paramref name="duration"/>, then stops the writers. The probe listens to the storage's
    /// batch-size and commit-duration histograms, named by <paramref name="instruments"/>.
    /// </summary>
    public async Task<WriteWindow> MeasureAsync(MetricProbe probe, CommitInstruments instruments, TimeSpan duration, CancellationToken cancellationToken)
    {
        long writes, errors;
        GcWindow gc;
        StorageCommits commits;
        try
        {
            probe.Reset();
            var start = GcSnapshot.Take();
            var startWrites = _writes.Sum();
            var startErrors = _errors.Sum();
            _recording = true;
            await Task.Delay(duration, cancellationToken).ConfigureAwait(false);
            _recording = false;
            writes = _writes.Sum() - startWrites;
            errors = _errors.Sum() - startErrors;
            gc = start.Until(GcSnapshot.Take());
            commits = StorageCommits.Read(probe, instruments);
        }
        finally
        {
            _stop.Set();
            await Task.WhenAll(_writers).ConfigureAwait(false);
        }

        // Only now: recorders belong to their writers until those have stopped.
        return new WriteWindow(writes, errors, gc, LatencyDistribution.Merge(_recorders), commits);
    }

    private async Task WriteLoopAsync(int writer)
    {
        var random = new CallerRandom((ulong)writer + 1);
        var recorder = _recorders[writer];
        while (!_stop.IsSet)
        {
            var grain = _grains[random.NextIndex(_grains.Length)];
            var started = Stopwatch.GetTimestamp();
            try
            {
                await grain.Write(writer).ConfigureAwait(false);
            }
            catch (Exception error)
            {
                _errors.Increment(writer);
                if (Interlocked.Exchange(ref _errorReported, 1) == 0)
                {
                    _progress.WriteLine($"First write error: {error}");
                }

                continue;
            }

            if (_recording)
            {
                recorder.RecordSince(started);
            }

            _writes.Increment(writer);
        }
    }
}
