namespace Grains.Runtime.Tests.Grains;

public interface IMissingStorageGrain : IGrainWithStringKey
{
    Task<int> Read();
}
