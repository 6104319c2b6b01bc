using System.Collections.Concurrent;

namespace Grains.Runtime;

/// <summary>
/// Calls that did not complete when they were made, checked against their deadlines on an interval. Calls that
/// complete at once (most in-silo calls) never enter it, so deadlines cost nothing on the fast path.
/// </summary>
internal sealed class PendingCallTracker : IDisposable
{
    private readonly ConcurrentDictionary<long, GrainRequest> _pending = new();
    private readonly TimeProvider _time;
    private readonly Action _onTimedOut;
    private ITimer? _timer;

    public PendingCallTracker(TimeProvider time, Action onTimedOut)
    {
        _time = time;
        _onTimedOut = onTimedOut;
    }

    public int Count => _pending.Count;

    public void Start(TimeSpan interval) =>
        _timer = _time.CreateTimer(static state => ((PendingCallTracker)state!).Sweep(), this, interval, interval);

    public void Track(GrainRequest request)
    {
        _pending[request.Id] = request;
        if (request.IsCompleted)
        {
            _pending.TryRemove(request.Id, out _);
        }
    }

    public void Untrack(GrainRequest request) => _pending.TryRemove(request.Id, out _);

    /// <summary>Fails every call whose deadline has passed with a <see cref="TimeoutException"/>.</summary>
    public void Sweep()
    {
        var now = _time.GetTimestamp();
        foreach (var (id, request) in _pending)
        {
            if (request.IsCompleted)
            {
                _pending.TryRemove(id, out _);
            }
            else if (request.DeadlineTimestamp <= now && _pending.TryRemove(id, out _))
            {
                _onTimedOut();
                request.Fail(new TimeoutException($"{request.Method} on {request.Target} did not respond before its deadline."));
            }
        }
    }

    public void Dispose() => _timer?.Dispose();
}
