using System.Collections.Concurrent;
using Grains.Testing;

namespace Grains.Runtime.Tests.Grains;

/// <summary>What a test wants subscriber grains to do with particular events: fail a number of times, or wait at a gate.</summary>
public sealed class StreamBehavior(Gates gates, Signals signals)
{
    private readonly ConcurrentDictionary<string, int> _failures = new();
    private readonly ConcurrentDictionary<string, string> _blocks = new();
    private readonly ConcurrentDictionary<string, bool> _rejected = new();

    public void Fail(string body, int times) => _failures[body] = times;

    public void Block(string body, string gate) => _blocks[body] = gate;

    /// <summary>Every delivery of <paramref name="body"/> fails with an error no retry can cure.</summary>
    public void Reject(string body) => _rejected[body] = true;

    public async Task BeforeApplyAsync(string body)
    {
        if (_blocks.TryRemove(body, out var gate))
        {
            signals.Record($"blocked:{body}");
            await gates.WaitAsync(gate);
        }

        if (_rejected.ContainsKey(body))
        {
            signals.Record($"failed:{body}");
            throw new RejectedEventException($"{body} breaks a rule");
        }

        if (_failures.TryGetValue(body, out var left) && left > 0)
        {
            _failures[body] = left - 1;
            signals.Record($"failed:{body}");
            throw new InvalidOperationException($"cannot apply {body}");
        }
    }
}
