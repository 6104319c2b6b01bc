using System.Diagnostics.Metrics;

namespace Grains.Runtime.Diagnostics;

/// <summary>
/// The runtime's instruments, from one <see cref="Meter"/>. Hot-path recordings check <c>Enabled</c> first so an
/// unobserved instrument costs a branch.
/// </summary>
internal sealed class GrainsMetrics
{
    private readonly Counter<long> _activationsCreated;
    private readonly Counter<long> _activationsDeactivated;
    private readonly Counter<long> _calls;
    private readonly Histogram<double> _callDuration;
    private readonly Counter<long> _callsRefused;
    private readonly Counter<long> _callsTimedOut;
    private readonly UpDownCounter<long> _mailboxDepth;
    private readonly Histogram<double> _stateWriteDuration;
    private readonly Counter<long> _remindersFired;
    private readonly Counter<long> _remindersFailed;
    private readonly Meter _meter;
    private Func<int>? _activationCount;

    public GrainsMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(GrainsInstrumentNames.MeterName);
        _meter.CreateObservableUpDownCounter(GrainsInstrumentNames.Activations, () => _activationCount?.Invoke() ?? 0, "{activation}", "Activations in memory.");
        _activationsCreated = _meter.CreateCounter<long>(GrainsInstrumentNames.ActivationsCreated, "{activation}", "Activations that completed OnActivateAsync.");
        _activationsDeactivated = _meter.CreateCounter<long>(GrainsInstrumentNames.ActivationsDeactivated, "{activation}", "Activations deactivated, by reason.");
        _calls = _meter.CreateCounter<long>(GrainsInstrumentNames.Calls, "{call}", "Grain calls made.");
        _callDuration = _meter.CreateHistogram<double>(GrainsInstrumentNames.CallDuration, "ms", "Time from a call to its response.");
        _callsRefused = _meter.CreateCounter<long>(GrainsInstrumentNames.CallsRefused, "{call}", "Calls refused without running (overload, deadlock).");
        _callsTimedOut = _meter.CreateCounter<long>(GrainsInstrumentNames.CallsTimedOut, "{call}", "Calls whose deadline passed.");
        _mailboxDepth = _meter.CreateUpDownCounter<long>(GrainsInstrumentNames.MailboxDepth, "{request}", "Requests waiting in activation mailboxes.");
        _stateWriteDuration = _meter.CreateHistogram<double>(GrainsInstrumentNames.StateWriteDuration, "ms", "Time to durably write grain state.");
        _remindersFired = _meter.CreateCounter<long>(GrainsInstrumentNames.RemindersFired, "{tick}", "Reminder ticks delivered.");
        _remindersFailed = _meter.CreateCounter<long>(GrainsInstrumentNames.RemindersFailed, "{tick}", "Reminder deliveries that failed and will be retried.");
    }

    public bool CallDurationEnabled => _callDuration.Enabled;

    public void ObserveActivationCount(Func<int> count) => _activationCount = count;

    public void ActivationCreated() => _activationsCreated.Add(1);

    public void ActivationDeactivated(DeactivationReasonCode reason)
    {
        if (_activationsDeactivated.Enabled)
        {
            _activationsDeactivated.Add(1, new KeyValuePair<string, object?>("reason", reason.ToString()));
        }
    }

    public void CallMade() => _calls.Add(1);

    public void CallCompleted(TimeSpan duration) => _callDuration.Record(duration.TotalMilliseconds);

    public void CallRefused(Exception reason)
    {
        if (_callsRefused.Enabled)
        {
            _callsRefused.Add(1, new KeyValuePair<string, object?>("reason", reason.GetType().Name));
        }
    }

    public void CallTimedOut() => _callsTimedOut.Add(1);

    public void MailboxEnqueued() => _mailboxDepth.Add(1);

    public void MailboxDequeued(int count = 1) => _mailboxDepth.Add(-count);

    public void StateWritten(string storage, TimeSpan duration)
    {
        if (_stateWriteDuration.Enabled)
        {
            _stateWriteDuration.Record(duration.TotalMilliseconds, new KeyValuePair<string, object?>("storage", storage));
        }
    }

    public void ReminderFired() => _remindersFired.Add(1);

    public void ReminderFailed() => _remindersFailed.Add(1);
}
