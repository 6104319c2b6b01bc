using Fulfillment.Contracts.Carriers;
using Fulfillment.Grains.Persistence;
using Grains;

namespace Fulfillment.Grains.Carriers;

/// <summary>The list of carriers that have had orders (see <see cref="ICarrierDirectoryGrain"/>).</summary>
[GrainType("carrier-directory")]
internal sealed class CarrierDirectoryGrain : Grain, ICarrierDirectoryGrain
{
    private readonly IPersistentState<CarrierDirectoryState> _directory;

    public CarrierDirectoryGrain([PersistentState("carrier-directory")] IPersistentState<CarrierDirectoryState> directory)
    {
        _directory = directory;
    }

    public async Task Add(string carrier)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(carrier);
        var carriers = _directory.State.Carriers;
        var index = carriers.BinarySearch(carrier, StringComparer.Ordinal);
        if (index >= 0)
        {
            return;
        }

        carriers.Insert(~index, carrier);
        await _directory.WriteOrDeactivateAsync(DeactivateOnIdle);
    }

    public Task<IReadOnlyList<string>> List() => Task.FromResult<IReadOnlyList<string>>([.. _directory.State.Carriers]);
}
