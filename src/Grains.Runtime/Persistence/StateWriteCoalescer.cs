namespace Grains.Storage;

/// <summary>
/// Group commit inside one grain. Requests change the state in memory within their turn, then await
/// <see cref="WriteAsync"/>: while one write is in flight, every later change is covered by the next write, which starts
/// as soon as the first completes. Each caller is acknowledged only once a write that includes its change is durable,
/// yet a hot grain writes once per storage round trip instead of once per request.
/// <para>
/// Use it from a grain whose writing methods interleave (<see cref="ReentrantAttribute"/> or
/// <see cref="AlwaysInterleaveAttribute"/>); the grain's turns still never run at the same time, so no lock is needed.
/// A failed write fails every caller it covered and deactivates the grain (its memory holds changes that are not
/// durable), so the next call starts from what storage holds.
/// </para>
/// </summary>
public sealed class StateWriteCoalescer<TState>
{
    private readonly IPersistentState<TState> _state;
    private readonly Action _onFailure;
    private Task? _inFlight;
    private Task? _next;

    /// <param name="state">The grain's persistent state.</param>
    /// <param name="onFailure">Called once when a write fails; grains pass <c>DeactivateOnIdle</c>.</param>
    public StateWriteCoalescer(IPersistentState<TState> state, Action onFailure)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(onFailure);
        _state = state;
        _onFailure = onFailure;
    }

    /// <summary>Writes done so far; a diagnostic of how well changes coalesce.</summary>
    public long Writes { get; private set; }

    /// <summary>Completes when a write that includes every change made before this call is durable.</summary>
    public Task WriteAsync()
    {
        // A write queued behind the current one has not read the state yet: it covers this change too.
        if (_next is not null)
        {
            return _next;
        }

        // A write under way may have serialized the state before this change: queue the next one. At most one write
        // is ever in flight, so two writes never race on the same ETag.
        if (_inFlight is { IsCompleted: false })
        {
            return _next = WriteAfterCurrentAsync(_inFlight);
        }

        return _inFlight = WriteNowAsync();
    }

    private async Task WriteAfterCurrentAsync(Task current)
    {
        try
        {
            await current;
        }
        catch
        {
            // That failure belongs to the callers of the current write; this write still runs for its own.
        }

        _next = null;
        _inFlight = WriteNowAsync();
        await _inFlight;
    }

    private async Task WriteNowAsync()
    {
        Writes++;
        try
        {
            await _state.WriteStateAsync();
        }
        catch
        {
            _onFailure();
            throw;
        }
    }
}
