using System.Diagnostics.Metrics;
using Grains.Storage;

namespace Grains.Sqlite.Tests;

public sealed class MetricsTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly TestMeterFactory _meterFactory = new();
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, double Value)> _measurements = [];

    public MetricsTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, _meterFactory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => Record(instrument, value));
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => Record(instrument, value));
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => Record(instrument, value));
        _listener.Start();
    }

    public void Dispose()
    {
        _listener.Dispose();
        _meterFactory.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task WriteAsync_QueuedWhileWriterBusy_RecordsBatchSizeCommitDurationAndQueueDepth()
    {
        const int Writes = 20;
        await using var database = SqliteDatabase.Open(TestDatabases.Options(_directory), meterFactory: _meterFactory);
        var storage = new SqliteGrainStorage(database);
        using var gate = new GateOperation();
        var held = database.Writes.EnqueueAsync(gate);
        await gate.Entered;

        var writes = Enumerable.Range(0, Writes).Select(i => storage.WriteAsync(new GrainStateKey("t", $"k{i}", "s"), new byte[] { 1 }, null)).ToArray();
        gate.Release();
        await held;
        await Task.WhenAll(writes);

        var snapshot = Snapshot();
        Assert.Equal([1.0, Writes], snapshot.Where(m => m.Instrument == SqliteInstrumentNames.BatchSize).Select(m => m.Value));
        Assert.Equal(2, snapshot.Count(m => m.Instrument == SqliteInstrumentNames.CommitDuration && m.Value >= 0));
        var depth = snapshot.Where(m => m.Instrument == SqliteInstrumentNames.QueueDepth).Select(m => m.Value).ToList();
        Assert.Equal(0, depth.Sum());
        Assert.Equal(Writes, RunningMaximum(depth.Skip(2)));
    }

    private void Record(Instrument instrument, double value)
    {
        lock (_measurements)
        {
            _measurements.Add((instrument.Name, value));
        }
    }

    private List<(string Instrument, double Value)> Snapshot()
    {
        lock (_measurements)
        {
            return [.. _measurements];
        }
    }

    private static double RunningMaximum(IEnumerable<double> deltas)
    {
        double current = 0, maximum = 0;
        foreach (var delta in deltas)
        {
            current += delta;
            maximum = Math.Max(maximum, current);
        }

        return maximum;
    }
}
