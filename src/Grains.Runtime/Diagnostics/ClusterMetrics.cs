using System.Diagnostics.Metrics;

namespace Grains.Runtime.Diagnostics;

/// <summary>Instruments of the partition lease manager.</summary>
internal sealed class ClusterMetrics : IDisposable
{
    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _claimed;
    private readonly Counter<long> _released;
    private readonly Counter<long> _lost;
    private readonly Counter<long> _storeFailures;

    public ClusterMetrics(IMeterFactory? meterFactory, Func<int> ownedPartitions)
    {
        // A factory's meters live as long as the factory; a meter created here is ours to dispose.
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(ClusterInstrumentNames.MeterName) ?? new Meter(ClusterInstrumentNames.MeterName);
        _meter.CreateObservableUpDownCounter(ClusterInstrumentNames.PartitionsOwned, ownedPartitions, "{partition}", "Partitions this silo serves.");
        _claimed = _meter.CreateCounter<long>(ClusterInstrumentNames.LeasesClaimed, "{lease}", "Partition leases this silo claimed.");
        _released = _meter.CreateCounter<long>(ClusterInstrumentNames.LeasesReleased, "{lease}", "Partition leases this silo handed off and released.");
        _lost = _meter.CreateCounter<long>(ClusterInstrumentNames.LeasesLost, "{lease}", "Partition leases that lapsed or were found taken before this silo released them.");
        _storeFailures = _meter.CreateCounter<long>(ClusterInstrumentNames.StoreFailures, "{operation}", "Cluster store operations that failed.");
    }

    public void Claimed() => _claimed.Add(1);

    public void Released() => _released.Add(1);

    public void Lost(int count) => _lost.Add(count);

    public void StoreFailed() => _storeFailures.Add(1);

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
