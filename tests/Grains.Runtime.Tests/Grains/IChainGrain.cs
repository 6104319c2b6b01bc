namespace Grains.Runtime.Tests.Grains;

/// <summary>Calls through a path of grains of the same kind, to make call chains (and cycles) on purpose.</summary>
public interface IChainGrain : IGrainWithStringKey
{
    Task<string> Chain(string[] path);

    [AlwaysInterleave]
    Task<string> ChainInterleaved(string[] path);
}
