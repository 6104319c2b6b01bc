namespace Grains.Runtime.Tests.Grains;

public interface IReentrantWorkGrain : IGrainWithStringKey
{
    Task<int> Work(string gate);
}
