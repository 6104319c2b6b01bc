namespace Grains.Runtime.Tests.Grains;

[Reentrant]
public sealed class ReentrantChainGrain : Grain, IReentrantChainGrain
{
    public async Task<string> Chain(string[] path) =>
        path.Length == 0 ? GetPrimaryKeyString() : $"{GetPrimaryKeyString()}>{await GrainFactory.GetGrain<IReentrantChainGrain>(path[0]).Chain(path[1..])}";
}
