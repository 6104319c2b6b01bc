using Grains.ProviderContracts.Streams;
using Grains.Streams;

namespace Grains.Runtime.Tests.Providers;

/// <summary>The dead-letter store contract for the in-memory store, whose letters live exactly as long as its instance.</summary>
public sealed class MemoryDeadLetterStoreContractTests : DeadLetterStoreContractTests
{
    protected override bool IsDurable => false;

    protected override Task<IDeadLetterStore> CreateStoreAsync() => Task.FromResult<IDeadLetterStore>(new MemoryDeadLetterStore());
}
