namespace Grains.Runtime.Tests.Grains;

public interface IProjectionGrain : IGrainWithStringKey
{
    [ReadOnly]
    Task<IReadOnlyList<string>> Applied();
}
