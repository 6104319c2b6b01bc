namespace Fulfillment.Api.Operations;

/// <summary>How many open orders of a warehouse are at a stage.</summary>
public sealed record StageCountResponse(string Stage, int Count);
