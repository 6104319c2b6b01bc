namespace Fulfillment.Contracts.Warehouses;

/// <summary>How many orders are at a stage.</summary>
public sealed record StageCount(string Stage, int Count);
