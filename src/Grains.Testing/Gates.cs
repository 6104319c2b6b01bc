using System.Collections.Concurrent;

namespace Grains.Testing;

/// <summary>Named barriers a grain awaits and a test opens, to hold a request in flight for exactly as long as the test needs.</summary>
public sealed class Gates
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new();

    public Task WaitAsync(string name) => Get(name).Task;

    public void Open(string name) => Get(name).TrySetResult();

    private TaskCompletionSource Get(string name) =>
        _gates.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
