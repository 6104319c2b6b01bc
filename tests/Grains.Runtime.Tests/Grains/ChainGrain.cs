namespace Grains.Runtime.Tests.Grains;

public sealed class ChainGrain : Grain, IChainGrain
{
    public async Task<string> Chain(string[] path) =>
        path.Length == 0 ? GetPrimaryKeyString() : $"{GetPrimaryKeyString()}>{await GrainFactory.GetGrain<IChainGrain>(path[0]).Chain(path[1..])}";

    public async Task<string> ChainInterleaved(string[] path) =>
        path.Length == 0 ? GetPrimaryKeyString() : $"{GetPrimaryKeyString()}>{await GrainFactory.GetGrain<IChainGrain>(path[0]).ChainInterleaved(path[1..])}";
}
