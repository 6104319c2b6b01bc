namespace Fulfillment.Grains.Configuration;

/// <summary>One warehouse of the network: <c>Fulfillment:Warehouses:{i}:Id</c> and <c>:Region</c>.</summary>
public sealed class WarehouseOptions
{
    /// <summary>The warehouse id, as inventory keys (<c>warehouseId/sku</c>) and events name it; no '/'.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The region the warehouse sits in, e.g. <c>us-east</c>.</summary>
    public string Region { get; set; } = string.Empty;
}
