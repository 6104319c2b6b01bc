namespace Fulfillment.ReadModels;

/// <summary>Which orders to list: each filter given must match (null: any); at most <see cref="Limit"/>, most recently changed first.</summary>
public sealed record OrderFilter(string? Stage, string? SlaStatus, string? WarehouseId, string? Carrier, int Limit);
