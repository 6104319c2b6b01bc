using Grains;

namespace Fulfillment.Contracts.Carriers;

/// <summary>
/// The carriers that have had orders, for <c>GET /api/v1/carriers</c>: list them here, then ask each
/// <see cref="ICarrierGrain"/> for its figures. One grain, under <see cref="Key"/>; each carrier grain adds itself once
/// per activation when its first report arrives, so the directory sees a handful of calls, not one per order.
/// </summary>
[Alias("fulfillment.carrier-directory")]
public interface ICarrierDirectoryGrain : IGrainWithStringKey
{
    /// <summary>The key of the one directory.</summary>
    const string Key = "all";

    /// <summary>Adds a carrier; one already listed changes nothing.</summary>
    Task Add(string carrier);

    /// <summary>Every carrier added, in ordinal order.</summary>
    [ReadOnly]
    Task<IReadOnlyList<string>> List();
}
