using System.Collections.Concurrent;

namespace Grains.Testing;

/// <summary>
/// Events grains report to the test (activated, deactivated, reminded...), counted by name. Tests wait on a count
/// being reached, never on time passing.
/// </summary>
public sealed class Signals
{
    private static readonly TimeSpan SafetyTimeout = TimeSpan.FromSeconds(20);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<object?>> _events = new();
    private readonly ConcurrentDictionary<(string Name, int Count), TaskCompletionSource> _waiters = new();

    public void Record(string name, object? value = null)
    {
        var queue = _events.GetOrAdd(name, _ => new ConcurrentQueue<object?>());
        queue.Enqueue(value);
        foreach (var ((waitName, count), waiter) in _waiters)
        {
            if (waitName == name && queue.Count >= count)
            {
                waiter.TrySetResult();
            }
        }
    }

    public int Count(string name) => _events.TryGetValue(name, out var queue) ? queue.Count : 0;

    public IReadOnlyList<object?> Values(string name) => _events.TryGetValue(name, out var queue) ? [.. queue] : [];

    /// <summary>Completes once <paramref name="name"/> has been recorded <paramref name="count"/> times.</summary>
    public Task WaitFor(string name, int count = 1)
    {
        var waiter = _waiters.GetOrAdd((name, count), _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (Count(name) >= count)
        {
            waiter.TrySetResult();
        }

        // A safety net against a hung test run, not a timing assumption.
        return waiter.Task.WaitAsync(SafetyTimeout);
    }
}
