using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Grains.Runtime.Diagnostics;
using Grains.Hosting;
using Grains.Runtime.Tests.Grains;
using Grains.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Grains.Runtime.Tests.Diagnostics;

public sealed class MetricsTests : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, double> _totals = new();
    private readonly ConcurrentDictionary<string, int> _recordings = new();
    private readonly MeterListener _listener = new();
    private readonly Gates _gates = new();
    private TestSilo _silo = null!;

    public async Task InitializeAsync()
    {
        _silo = await TestSilo.StartAsync(
            silo => silo.AddGrainAssemblyContaining<MetricsTests>(),
            services => services.AddSingleton(new Signals()).AddSingleton(_gates));
        var meterFactory = _silo.Services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == GrainsInstrumentNames.MeterName && ReferenceEquals(instrument.Meter.Scope, meterFactory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => Record(instrument.Name, value));
        _listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => Record(instrument.Name, value));
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => Record(instrument.Name, value));
        _listener.Start();
    }

    public async Task DisposeAsync()
    {
        _listener.Dispose();
        await _silo.StopAsync();
    }

    [Fact]
    public async Task Calls_AreCountedAndTimed_ActivationsCreatedAndObserved()
    {
        await _silo.GrainFactory.GetGrain<ICounterGrain>("m1").Add(1);
        await _silo.GrainFactory.GetGrain<ICounterGrain>("m1").Add(1);
        await _silo.GrainFactory.GetGrain<ICounterGrain>("m2").Add(1);

        _listener.RecordObservableInstruments();

        Assert.Equal(3, _totals[GrainsInstrumentNames.Calls]);
        Assert.Equal(3, _recordings[GrainsInstrumentNames.CallDuration]);
        Assert.Equal(2, _totals[GrainsInstrumentNames.ActivationsCreated]);
        Assert.Equal(2, _totals[GrainsInstrumentNames.Activations]);
    }

    [Fact]
    public async Task StateWrites_AreTimedPerStorage()
    {
        await _silo.GrainFactory.GetGrain<IStatefulGrain>("s").Increment("a");
        await _silo.GrainFactory.GetGrain<IStatefulGrain>("s").Increment("b");

        Assert.Equal(2, _recordings[GrainsInstrumentNames.StateWriteDuration]);
    }

    [Fact]
    public async Task QueuedRequests_RaiseAndLowerMailboxDepth()
    {
        var grain = _silo.GrainFactory.GetGrain<IWorkGrain>("deep");
        var holder = grain.Work("depth");
        var queued = new[] { grain.Append(1), grain.Append(2) };

        var depthWhileHeld = _totals[GrainsInstrumentNames.MailboxDepth];
        _gates.Open("depth");
        await holder;
        await Task.WhenAll(queued);

        Assert.Equal(2, depthWhileHeld);
        Assert.Equal(0, _totals[GrainsInstrumentNames.MailboxDepth]);
    }

    private void Record(string name, double value)
    {
        _totals.AddOrUpdate(name, value, (_, total) => total + value);
        _recordings.AddOrUpdate(name, 1, (_, count) => count + 1);
    }
}
