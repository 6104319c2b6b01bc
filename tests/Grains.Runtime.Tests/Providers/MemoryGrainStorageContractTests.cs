using Grains.ProviderContracts;
using Grains.Storage;

namespace Grains.Runtime.Tests.Providers;

/// <summary>The storage contract for the in-memory provider, whose data lives exactly as long as its instance.</summary>
public sealed class MemoryGrainStorageContractTests : GrainStorageContractTests
{
    protected override bool IsDurable => false;

    protected override Task<IGrainStorage> CreateStorageAsync() => Task.FromResult<IGrainStorage>(new MemoryGrainStorage());
}
