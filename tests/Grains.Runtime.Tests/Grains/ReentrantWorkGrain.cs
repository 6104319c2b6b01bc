using Grains.Testing;

namespace Grains.Runtime.Tests.Grains;

[Reentrant]
public sealed class ReentrantWorkGrain(Signals signals, Gates gates) : Grain, IReentrantWorkGrain
{
    private int _inside;
    private int _maxInside;

    public async Task<int> Work(string gate)
    {
        _inside++;
        _maxInside = Math.Max(_maxInside, _inside);
        signals.Record($"entered:{gate}");
        await gates.WaitAsync(gate);
        _inside--;
        return _maxInside;
    }
}
