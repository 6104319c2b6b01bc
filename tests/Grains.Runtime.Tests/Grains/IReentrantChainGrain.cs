namespace Grains.Runtime.Tests.Grains;

public interface IReentrantChainGrain : IGrainWithStringKey
{
    Task<string> Chain(string[] path);
}
