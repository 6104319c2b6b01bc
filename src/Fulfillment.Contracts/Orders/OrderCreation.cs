namespace Fulfillment.Contracts.Orders;

/// <summary>The order after <see cref="IOrderGrain.Create"/>; <see cref="Created"/> is false when it already existed.</summary>
public sealed record OrderCreation(bool Created, OrderView Order);
