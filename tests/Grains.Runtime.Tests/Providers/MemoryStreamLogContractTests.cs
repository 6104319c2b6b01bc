using Grains.ProviderContracts.Streams;
using Grains.Streams;
using Grains.Testing;

namespace Grains.Runtime.Tests.Providers;

/// <summary>The stream log contract for the in-memory log, whose events live exactly as long as its instance.</summary>
public sealed class MemoryStreamLogContractTests : StreamLogContractTests
{
    private readonly ManualTimeProvider _clock = new();

    protected override bool IsDurable => false;

    protected override TimeProvider Clock => _clock;

    protected override void AdvanceClock(TimeSpan delta) => _clock.Advance(delta);

    protected override Task<IStreamLog> CreateLogAsync(int partitionCount, StreamStorageOptions options) =>
        Task.FromResult<IStreamLog>(new MemoryStreamLog(partitionCount, _clock, options));
}
