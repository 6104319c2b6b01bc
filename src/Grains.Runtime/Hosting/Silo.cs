using Grains.Reminders;
using Grains.Runtime;
using Grains.Streams;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Grains.Hosting;

/// <summary>
/// The silo's lifetime in the host. Stopping is graceful: calls from outside are refused, reminders stop, every
/// mailbox drains, every activation runs OnDeactivateAsync. Disposing without stopping is a kill: activations are
/// dropped as if the process had died, and only what storage acknowledged remains.
/// </summary>
internal sealed partial class Silo : IHostedService, IAsyncDisposable
{
    private readonly GrainRuntime _runtime;
    private readonly ReminderService? _reminders;
    private readonly StreamAgentManager? _streams;
    private readonly ILogger<Silo> _logger;
    private ITimer? _collector;
    private bool _stopped;

    public Silo(GrainRuntime runtime, IServiceProvider services, ILogger<Silo> logger)
    {
        _runtime = runtime;
        _reminders = (ReminderService?)services.GetService(typeof(ReminderService));
        _streams = (StreamAgentManager?)services.GetService(typeof(StreamAgentManager));
        _logger = logger;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _runtime.Start();
        var quantum = _runtime.Options.CollectionQuantum;
        _collector = _runtime.Time.CreateTimer(static state => ((Silo)state!).CollectIdle(), this, quantum, quantum);
        if (_reminders is not null)
        {
            await _reminders.StartAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_streams is not null)
        {
            await _streams.StartAsync(cancellationToken).ConfigureAwait(false);
        }

        LogStarted(_runtime.Options.Partitions, _runtime.Registry.GrainClasses.Count(), _reminders is not null);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        var activations = _runtime.Catalog.Count;
        LogStopping(activations);

        // Stream agents first: their deliveries finish and are checkpointed while grains still take calls.
        if (_streams is not null)
        {
            await _streams.StopAsync().ConfigureAwait(false);
        }

        _runtime.BeginStopping();
        _collector?.Dispose();
        if (_reminders is not null)
        {
            await _reminders.StopAsync(cancellationToken).ConfigureAwait(false);
        }

        await _runtime.Catalog.DeactivateAllAsync(DeactivationReason.ShuttingDown, cancellationToken).ConfigureAwait(false);
        _runtime.CompleteStopping();
        LogStopped(activations);
    }

    /// <summary>Collects idle activations; public so tests can run a collection without waiting for the quantum.</summary>
    public int CollectIdle() => _runtime.Catalog.CollectIdle();

    public async ValueTask DisposeAsync()
    {
        _collector?.Dispose();
        if (!_stopped)
        {
            _stopped = true;
            _streams?.Kill();
            _runtime.Kill();
            if (_reminders is not null)
            {
                await _reminders.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(1301, LogLevel.Information, "Silo started: {Partitions} partitions, {GrainClasses} grain classes, reminders {RemindersEnabled}")]
    private partial void LogStarted(int partitions, int grainClasses, bool remindersEnabled);

    [LoggerMessage(1302, LogLevel.Information, "Silo stopping: draining and deactivating {Activations} activations")]
    private partial void LogStopping(int activations);

    [LoggerMessage(1303, LogLevel.Information, "Silo stopped after deactivating {Activations} activations")]
    private partial void LogStopped(int activations);
}
