namespace Fulfillment.Api.Availability;

/// <summary>Whether every line of the cart can be promised, and each line's sourcing, in request order.</summary>
public sealed record AtpCheckResponse(bool CanPromiseAll, IReadOnlyList<AtpCheckLineResponse> Lines);
