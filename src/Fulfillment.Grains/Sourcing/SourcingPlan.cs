namespace Fulfillment.Grains.Sourcing;

/// <summary>Where a cart ships from and by when; <see cref="CanPromiseAll"/> when every line can be promised.</summary>
public sealed record SourcingPlan(bool CanPromiseAll, IReadOnlyList<LinePlan> Lines, DateOnly? PromisedDeliveryDate);
