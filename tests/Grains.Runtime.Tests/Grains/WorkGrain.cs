using Grains.Testing;

namespace Grains.Runtime.Tests.Grains;

public sealed class WorkGrain(Signals signals, Gates gates) : Grain, IWorkGrain
{
    private readonly List<int> _log = [];
    private int _inside;
    private int _maxInside;
    private int _executions;

    public Task<int> Work(string gate) => Hold(gate);

    public Task<int> Read(string gate) => Hold(gate);

    public Task<int> Interleaved(string gate) => Hold(gate);

    public async Task ShortDeadline(string gate) => await Hold(gate);

    public Task Append(int sequence)
    {
        _log.Add(sequence);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<int>> Log() => Task.FromResult<IReadOnlyList<int>>([.. _log]);

    public Task<int> Executions() => Task.FromResult(_executions);

    private async Task<int> Hold(string gate)
    {
        _executions++;
        _inside++;
        _maxInside = Math.Max(_maxInside, _inside);
        signals.Record($"entered:{gate}");
        await gates.WaitAsync(gate);
        _inside--;
        return _maxInside;
    }
}
