using Grains.ProviderContracts.Streams;
using Grains.Streams;
using Grains.Testing;

namespace Grains.Runtime.Tests.Providers;

/// <summary>The checkpoint store contract for the in-memory store, whose checkpoints live exactly as long as its instance.</summary>
public sealed class MemoryCheckpointStoreContractTests : CheckpointStoreContractTests
{
    private readonly ManualTimeProvider _clock = new();

    protected override bool IsDurable => false;

    protected override TimeProvider Clock => _clock;

    protected override void AdvanceClock(TimeSpan delta) => _clock.Advance(delta);

    protected override Task<ICheckpointStore> CreateStoreAsync() => Task.FromResult<ICheckpointStore>(new MemoryCheckpointStore(_clock));
}
